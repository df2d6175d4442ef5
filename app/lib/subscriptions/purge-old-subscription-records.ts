import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/** Deletes attempts, and delivered or failed jobs, older than the change feed's retention (EVENT_RETENTION_DAYS). */
export async function purgeOldSubscriptionRecords(options: { retentionDays: number; now?: Date }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const [attempts, jobs] = await Promise.all([
    prisma.subscriptionAttempt.deleteMany({ where: { attemptedAt: { lt: cutoff } } }),
    prisma.subscriptionDelivery.deleteMany({
      where: { createdAt: { lt: cutoff }, status: { in: ['delivered', 'failed'] } },
    }),
  ]);
  return attempts.count + jobs.count;
}
