import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { queueAlertDigests } from './queue-alert-digests';
import { raiseFeedAlerts } from './raise-feed-alerts';
import { raiseTimedAlerts } from './raise-timed-alerts';
import { sendDueAlertDeliveries, type AlertSendOptions } from './send-due-alert-deliveries';

const FEED_BATCHES_PER_RUN = 20;
const FEED_BATCH_EVENTS = 500;

/**
 * One round of alerting at `now`: raise what the change feed brought, check the conditions that last (at most once a
 * minute across instances), queue the daily summaries that are due, and send what is due. Without any rule the feed
 * is not read (a first rule starts from the feed's end).
 */
export async function runAlertWork(
  options: { now: Date; timedCheckIntervalMs?: number } & AlertSendOptions,
): Promise<{ sent: number }> {
  const { now } = options;
  if ((await prisma.alertRule.count()) > 0) {
    for (let batch = 0; batch < FEED_BATCHES_PER_RUN; batch++) {
      if ((await raiseFeedAlerts({ now })) < FEED_BATCH_EVENTS) break;
    }
    await raiseTimedAlerts({ now, minIntervalMs: options.timedCheckIntervalMs });
  }
  await queueAlertDigests({ now });
  return { sent: await sendDueAlertDeliveries(options) };
}
