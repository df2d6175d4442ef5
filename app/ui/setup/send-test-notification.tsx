'use client';

import Link from 'next/link';
import { useState } from 'react';
import { z } from 'zod';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { SECONDARY_BUTTON } from './styles';
import { hookApiUrl } from './use-hook-action';

// What POST /api/hooks/[id]/test answers; checked, because a proxy or an old server may answer something else.
const resultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  durationMs: z.number(),
  responseBody: z.string().nullable(),
  envelopeId: z.string(),
  envelopeStored: z.boolean(),
});
type TestResult = z.infer<typeof resultSchema>;

type State =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: TestResult } | { kind: 'failed'; message: string };

/** Calls the hook through its public URL, as the signing service would, and shows what came back. */
export function SendTestNotification({ hookId }: { hookId: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function send() {
    setState({ kind: 'sending' });
    setState(await requestTest(hookId));
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <button
          type="button"
          onClick={() => void send()}
          disabled={state.kind === 'sending'}
          className={SECONDARY_BUTTON}
        >
          {state.kind === 'sending' ? 'Sending…' : 'Send a test notification'}
        </button>
        <p className="text-xs text-slate-600">
          Calls this hook&apos;s public URL from the server, as the signing service would.
        </p>
      </div>
      {/* Always in the page, so screen readers announce the result when it appears. */}
      <div role="status" aria-live="polite" data-testid="test-notification-result">
        {state.kind === 'done' ? <TestResultPanel result={state.result} /> : null}
        {state.kind === 'failed' ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>
        ) : null}
      </div>
    </div>
  );
}

function TestResultPanel({ result }: { result: TestResult }) {
  const tone = result.ok
    ? 'border-emerald-200 bg-emerald-50 text-emerald-900'
    : 'border-red-200 bg-red-50 text-red-900';
  return (
    <div className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      <p className="font-semibold">
        {result.ok ? 'Test notification delivered' : 'Test notification not delivered'}
        <span className="font-normal">
          {' '}
          · {result.status === null ? 'no answer' : `HTTP ${result.status}`} · {result.durationMs} ms
        </span>
      </p>
      <p className="mt-1 break-words">{result.message}</p>
      {result.envelopeStored ? (
        <p className="mt-1">
          <Link
            href={`/envelopes/${encodeURIComponent(result.envelopeId)}`}
            className="font-medium underline underline-offset-2"
          >
            Open test envelope {result.envelopeId}
          </Link>
        </p>
      ) : null}
      <details className="mt-1">
        <summary className="w-fit cursor-pointer font-medium">Request and answer</summary>
        <dl className="mt-1 space-y-1 text-xs">
          <div>
            <dt className="font-medium">Called (GET)</dt>
            <dd className="break-all font-mono">{result.url}</dd>
          </div>
          <div>
            <dt className="font-medium">Answer</dt>
            <dd>
              <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-white/70 p-2 font-mono">
                {result.responseBody === null ? '(none)' : result.responseBody || '(empty)'}
              </pre>
            </dd>
          </div>
        </dl>
      </details>
    </div>
  );
}

async function requestTest(hookId: string): Promise<State> {
  try {
    const result = await requestJson(`${hookApiUrl(hookId)}/test`, { method: 'POST', schema: resultSchema });
    return { kind: 'done', result };
  } catch (failure) {
    return { kind: 'failed', message: describeFailure(failure, 'The test could not be run') };
  }
}
