'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { z } from 'zod';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';

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

const replayAnswerSchema = z.object({ duplicate: z.boolean() });

async function requestReplay(deliveryId: string): Promise<{ message: string; failed: boolean }> {
  try {
    const { duplicate } = await requestJson(`/api/deliveries/${encodeURIComponent(deliveryId)}/replay`, {
      method: 'POST',
      schema: replayAnswerSchema,
    });
    return { message: duplicate ? 'Duplicate: already stored' : 'Stored', failed: false };
  } catch (failure) {
    return { message: describeFailure(failure, 'Replay failed'), failed: true };
  }
}
