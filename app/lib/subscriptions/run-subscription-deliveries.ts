import 'server-only';
import { newClaimToken } from '@/app/lib/documents/lease-owner';
import { claimDeliveries, dispatchFeedEvents, findDueDeliveries } from './subscription-delivery-queue';
import { sendSubscriptionDeliveries, type DeliveryResult } from './send-subscription-delivery';

/** Jobs claimed (and recorded) together: one claim, one read of their events, one transaction for the outcomes. */
const JOBS_PER_ROUND = 64;
/** Feed events turned into jobs per round: well ahead of the sends, and a backlog is taken in steps. */
const DISPATCH_PER_ROUND = 1_000;
/** Most jobs one run sends; the next run (two seconds later, or the next kick) goes on. */
const SENDS_PER_RUN = 2_000;

export type DeliveryRunCounts = { dispatched: number } & Record<DeliveryResult, number>;

/**
 * One pass of the webhooks out: new feed events become jobs, then due jobs are claimed and sent, in order per
 * envelope (only an envelope's first pending job is ever due), until none is due or the run's share is sent. Several
 * instances may run at once: each job is sent by the one that claims it; one whose instance died mid-send is sent
 * again (same webhook-id) once its lease ran out.
 */
export async function runSubscriptionDeliveries(
  options: {
    now?: () => Date;
    subscriptionIds?: string[];
    /** Awaited before each round: the server's sender gives way to a saturated ingest (see ingest-pressure.ts). */
    beforeRound?: () => Promise<void>;
    /** Ends the run after the round in progress (the server is shutting down). */
    signal?: AbortSignal;
  } = {},
): Promise<DeliveryRunCounts> {
  const now = options.now ?? (() => new Date());
  const counts: DeliveryRunCounts = { dispatched: 0, delivered: 0, retry: 0, failed: 0 };
  let sent = 0;
  while (sent < SENDS_PER_RUN && !options.signal?.aborted) {
    await options.beforeRound?.();
    if (options.signal?.aborted) break;
    const dispatch = await dispatchFeedEvents({
      now: now(),
      subscriptionIds: options.subscriptionIds,
      limit: DISPATCH_PER_ROUND,
    });
    counts.dispatched += dispatch.dispatched;
    const due = await findDueDeliveries(now(), JOBS_PER_ROUND, options.subscriptionIds);
    const claims = await claimDeliveries(due, newClaimToken(), now());
    // Nothing due, or everything due was taken by another instance meanwhile.
    if (claims.length === 0) {
      if (dispatch.more) continue;
      break;
    }
    for (const result of await sendSubscriptionDeliveries(claims, now)) counts[result] += 1;
    sent += claims.length;
  }
  return counts;
}
