'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

type ReplayState = { kind: 'idle' } | { kind: 'done'; message: string; failed: boolean };

/** Processes a logged delivery again, e.g. after fixing the data that made it fail, and refreshes the log. */
export function ReplayButton({ deliveryId, blockedReason }: { deliveryId: string; blockedReason: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<ReplayState>({ kind: 'idle' });
  const [pending, startTransition] = useTransition();

  function replay() {
    startTransition(async () => {
      const result = await requestReplay(deliveryId);
      setState({ kind: 'done', ...result });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-start gap-1">
      {/* A disabled button gets no pointer events in some browsers; the wrapper keeps the explanation on hover. */}
      <span title={blockedReason ?? undefined}>
        <button
          type="button"
          onClick={replay}
          disabled={pending || blockedReason !== null}
          title={blockedReason ?? 'Process this delivery again'}
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-white"
        >
          {pending ? 'Replaying…' : 'Replay'}
        </button>
      </span>
      <p
        role="status"
        className={`max-w-56 text-xs ${state.kind === 'done' && state.failed ? 'text-red-700' : 'text-slate-700'}`}
      >
        {state.kind === 'done' ? state.message : null}
      </p>
    </div>
  );
}

async function requestReplay(deliveryId: string): Promise<{ message: string; failed: boolean }> {
  try {
    const response = await fetch(`/api/deliveries/${encodeURIComponent(deliveryId)}/replay`, { method: 'POST' });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const duplicate = isRecord(body) && body.duplicate === true;
      return { message: duplicate ? 'Duplicate: already stored' : 'Stored', failed: false };
    }
    const error = isRecord(body) && isRecord(body.error) ? body.error : null;
    const message = typeof error?.message === 'string' ? error.message : `Replay failed (HTTP ${response.status}).`;
    return { message, failed: true };
  } catch {
    return { message: 'Replay failed: the server could not be reached.', failed: true };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
