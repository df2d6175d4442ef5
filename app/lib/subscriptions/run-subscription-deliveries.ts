import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { newClaimToken } from '@/app/lib/documents/lease-owner';
import { isIngestBusy } from '@/app/lib/webhooks/ingest-notification';
import { claimDeliveries, dispatchFeedEvents, findDueDeliveries } from './subscription-delivery-queue';
import { sendSubscriptionDeliveries, type DeliveryResult } from './send-subscription-delivery';

/** Jobs claimed (and recorded) together: one claim, one read of their events, one transaction for the outcomes. */
const JOBS_PER_ROUND = 64;
/** Most jobs one run sends; the next run (two seconds later, or the next kick) goes on. */
const SENDS_PER_RUN = 2_000;

/** While notifications come in faster than they are stored, a round waits this long at most for a pause. */
const MAX_GIVE_WAY_MS = 1_000;
const GIVE_WAY_STEP_MS = 10;

/**
 * Answering the signing service comes first: it retries what is slow and marks the envelope in error. While the
 * ingest queue is busy a round waits for a pause, up to MAX_GIVE_WAY_MS, so under sustained load webhooks out still
 * send a round every second and catch up when the load drops.
 */
async function giveWayToIngest(): Promise<void> {
  for (let waited = 0; waited < MAX_GIVE_WAY_MS && isIngestBusy(); waited += GIVE_WAY_STEP_MS) {
    await sleep(GIVE_WAY_STEP_MS);
  }
}

export type DeliveryRunCounts = { dispatched: number } & Record<DeliveryResult, number>;

/**
 * One pass of the webhooks out: new feed events become jobs, then due jobs are claimed and sent, in order per
 * envelope (only an envelope's first pending job is ever due), until none is due or the run's share is sent. Several
 * instances may run at once: each job is sent by the one that claims it; one whose instance died mid-send is sent
 * again (same webhook-id) once its lease ran out.
 */
export async function runSubscriptionDeliveries(
  options: { now?: () => Date; subscriptionIds?: string[] } = {},
): Promise<DeliveryRunCounts> {
  const now = options.now ?? (() => new Date());
  const counts: DeliveryRunCounts = { dispatched: 0, delivered: 0, retry: 0, failed: 0 };
  counts.dispatched = await dispatchFeedEvents({ now: now(), subscriptionIds: options.subscriptionIds });
  let sent = 0;
  while (sent < SENDS_PER_RUN) {
    await giveWayToIngest();
    const due = await findDueDeliveries(now(), JOBS_PER_ROUND, options.subscriptionIds);
    const claims = await claimDeliveries(due, newClaimToken(), now());
    // Nothing due, or everything due was taken by another instance meanwhile.
    if (claims.length === 0) break;
    for (const result of await sendSubscriptionDeliveries(claims, now)) counts[result] += 1;
    sent += claims.length;
  }
  return counts;
}
