import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { queueAlertDigests } from './queue-alert-digests';
import { FEED_BATCH_EVENTS, raiseFeedAlerts } from './raise-feed-alerts';
import { raiseTimedAlerts } from './raise-timed-alerts';
import { sendDueAlertDeliveries, type AlertSendOptions } from './send-due-alert-deliveries';

const FEED_BATCHES_PER_RUN = 20;

/**
 * One round of alerting at `now`: raise what the change feed brought, check the conditions that last (at most once a
 * minute across instances), queue the daily summaries that are due, and send what is due. Without any rule the feed
 * is not read (a first rule starts from the feed's end). Each stage fails alone: a feed batch that cannot be raised
 * does not stop the sending of what is due.
 */
export async function runAlertWork(
  options: { now: Date; timedCheckIntervalMs?: number; shouldContinue?: () => boolean } & AlertSendOptions,
): Promise<{ sent: number }> {
  const { now } = options;
  const stage = async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      console.error(`Alerting: ${name} failed; tried again next round.`, error);
      return undefined;
    }
  };
  if ((await prisma.alertRule.count()) > 0) {
    await stage('raising alerts from the change feed', async () => {
      for (let batch = 0; batch < FEED_BATCHES_PER_RUN; batch++) {
        if ((await raiseFeedAlerts({ now })) < FEED_BATCH_EVENTS) break;
      }
    });
    await stage('checking the conditions that last', () =>
      raiseTimedAlerts({ now, minIntervalMs: options.timedCheckIntervalMs }),
    );
  }
  await stage('queueing daily summaries', () => queueAlertDigests({ now }));
  return { sent: (await stage('sending', () => sendDueAlertDeliveries(options))) ?? 0 };
}
