'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, useTransition } from 'react';
import { z } from 'zod';
import { ApiRequestError, describeFailure, readApiError } from '@/app/ui/api/request-json';
import { REPLAYED_PARAM } from './delivery-list-params';

const replayAnswerSchema = z.object({ deliveryId: z.string() });

/**
 * Processes a logged delivery again, e.g. after fixing the data that made it fail. The replay is logged as a new
 * delivery: the page then shows its outcome above the list, where it stays until the next action or dismissal, with
 * the new copy first in the list. A replay that could not even be logged says why beside the button.
 */
export function ReplayButton({ deliveryId, blockedReason }: { deliveryId: string; blockedReason: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function replay() {
    setFailure(null);
    startTransition(async () => {
      const result = await requestReplay(deliveryId);
      if (result.newDeliveryId === null) {
        startTransition(() => setFailure(result.message));
        return;
      }
      // The first page, where the copy received now comes first; the filters stay.
      const params = new URLSearchParams(searchParams.toString());
      params.delete('cursor');
      params.set(REPLAYED_PARAM, result.newDeliveryId);
      startTransition(() => router.push(`${pathname}?${params.toString()}`));
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
      <p role="status" className="max-w-56 text-xs text-red-700">
        {failure}
      </p>
    </div>
  );
}

/** The new delivery's id when the replay was logged (stored, duplicate or refused again); else why it failed. */
async function requestReplay(deliveryId: string): Promise<{ newDeliveryId: string | null; message: string }> {
  let response: Response;
  try {
    response = await fetch(`/api/deliveries/${encodeURIComponent(deliveryId)}/replay`, {
      method: 'POST',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
  } catch {
    return { newDeliveryId: null, message: 'Replay failed: the server could not be reached.' };
  }
  const body: unknown = await response.json().catch(() => null);
  const logged = replayAnswerSchema.safeParse(body);
  if (logged.success) return { newDeliveryId: logged.data.deliveryId, message: '' };
  const apiError = readApiError(body);
  const failure = apiError
    ? new ApiRequestError(apiError.message, { status: response.status, code: apiError.code, fromApi: true })
    : new Error(`the server answered HTTP ${response.status}`);
  return { newDeliveryId: null, message: describeFailure(failure, 'Replay failed') };
}
