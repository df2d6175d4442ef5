'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { ReplayedDelivery } from '@/app/lib/deliveries/list-deliveries';
import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { deliveryAnchor, REPLAYED_PARAM } from './delivery-list-params';

const TONES: Record<ReplayedDelivery['outcome'], { className: string; title: string }> = {
  accepted: {
    className: 'border-emerald-200 bg-emerald-50 text-emerald-950',
    title: 'Replayed: the notification was stored.',
  },
  duplicate: {
    className: 'border-slate-200 bg-slate-50 text-slate-800',
    title: 'Replayed: already stored, nothing changed (duplicate).',
  },
  rejected: { className: 'border-red-200 bg-red-50 text-red-900', title: 'Replayed, and refused again.' },
};

/**
 * What the last replay did, above the list, until the next action or until dismissed. It takes the focus when it
 * appears, so a reader who replayed a row far down the page hears and sees the outcome.
 */
export function ReplayOutcomeNotice({ replay, inList }: { replay: ReplayedDelivery; inList: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    notice.current?.focus();
  }, [replay.id]);

  const tone = TONES[replay.outcome];
  const anchor = `#${deliveryAnchor(replay.id)}`;
  // Filtered out of this view (another outcome, say): the copy is first among its envelope's deliveries.
  const href = inList
    ? anchor
    : `/deliveries?${new URLSearchParams({
        ...(replay.envelopeId ? { envelope: replay.envelopeId } : {}),
        [REPLAYED_PARAM]: replay.id,
      }).toString()}${anchor}`;

  function dismiss() {
    const params = new URLSearchParams(searchParams.toString());
    params.delete(REPLAYED_PARAM);
    const search = params.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  return (
    <div
      ref={notice}
      tabIndex={-1}
      role="status"
      data-testid="replay-outcome"
      className={`flex flex-wrap items-start justify-between gap-x-4 gap-y-2 rounded-md border px-4 py-3 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-brand-600 ${tone.className}`}
    >
      <div className="min-w-0 space-y-1">
        <p className="font-medium">{tone.title}</p>
        {replay.outcome === 'rejected' && replay.reason ? <p className="break-words">{replay.reason}</p> : null}
        <p>
          Logged as a new delivery at <ExactTime iso={replay.receivedAt} />
          {replay.replayOfReceivedAt ? (
            <>
              , a replay of the one received <ExactTime iso={replay.replayOfReceivedAt} />
            </>
          ) : null}
          .{' '}
          <Link href={href} className="font-medium underline underline-offset-2 hover:no-underline">
            Show the new delivery
          </Link>
        </p>
      </div>
      <button
        type="button"
        onClick={dismiss}
        className="rounded-md border border-current/20 bg-white/60 px-2.5 py-1 text-xs font-medium hover:bg-white"
      >
        Dismiss
      </button>
    </div>
  );
}
