import type { ReactNode } from 'react';

/** How a "Send test" went, as a panel shows it: refused before sending, or sent and answered (or not). */
export type TestSendOutcome =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; ok: boolean; headline: string; facts: string; error: string | null; excerpt?: string | null };

/** The outcome of a test send (a subscription's test event, a channel's test alert); a live region, read out. */
export function TestSendResult({ outcome, testId }: { outcome: TestSendOutcome; testId: string }): ReactNode {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid={testId}
      className={outcome.kind === 'done' || outcome.kind === 'failed' ? 'mt-3' : undefined}
    >
      {outcome.kind === 'failed' ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{outcome.message}</p>
      ) : null}
      {outcome.kind === 'done' ? (
        <div
          className={`rounded-md border px-3 py-2 text-sm ${outcome.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-red-200 bg-red-50 text-red-900'}`}
        >
          <p className="font-semibold">
            {outcome.headline}
            <span className="font-normal"> · {outcome.facts}</span>
          </p>
          {outcome.error ? <p className="mt-1 break-words">{outcome.error}</p> : null}
          {outcome.excerpt ? (
            <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-white/70 p-2 font-mono text-xs">
              {outcome.excerpt}
            </pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
