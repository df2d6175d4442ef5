import 'server-only';
import { randomUUID } from 'node:crypto';
import { claimDelivery, dispatchFeedEvents, findDueDeliveries } from './subscription-delivery-queue';
import { sendSubscriptionDelivery, type DeliveryResult } from './send-subscription-delivery';

/** Requests in flight at once per instance: receivers are the customer's systems, not ours to flood. */
const SENDS_AT_ONCE = 8;
/** Most jobs one run sends; the next run (a second later, or the next kick) goes on. */
const SENDS_PER_RUN = 400;

export type DeliveryRunCounts = { dispatched: number } & Record<DeliveryResult, number>;

/**
 * One pass of the webhooks out: new feed events become jobs, then due jobs are claimed and sent, in order per
 * envelope, until none is due (or the run's share is sent). Several instances may run at once: each job is sent by
 * the one that claims it; one whose instance died mid-send is sent again (same webhook-id) once its lease ran out.
 */
export async function runSubscriptionDeliveries(
  options: { now?: () => Date; subscriptionIds?: string[] } = {},
): Promise<DeliveryRunCounts> {
  const now = options.now ?? (() => new Date());
  const counts: DeliveryRunCounts = { dispatched: 0, delivered: 0, retry: 0, failed: 0, lease_lost: 0 };
  counts.dispatched = await dispatchFeedEvents({ now: now(), subscriptionIds: options.subscriptionIds });
  let sent = 0;
  while (sent < SENDS_PER_RUN) {
    const due = await findDueDeliveries(now(), SENDS_AT_ONCE * 4, options.subscriptionIds);
    if (due.length === 0) break;
    const token = `${process.pid}-${randomUUID()}`;
    let next = 0;
    let progressed = 0;
    const worker = async () => {
      while (next < due.length) {
        const id = due[next++]!;
        const claim = await claimDelivery(id, token, now());
        if (!claim) continue;
        const result = await sendSubscriptionDelivery(claim, now);
        counts[result] += 1;
        progressed += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(SENDS_AT_ONCE, due.length) }, worker));
    sent += progressed;
    // Everything due was taken by another instance meanwhile: nothing left for this one.
    if (progressed === 0) break;
  }
  return counts;
}
