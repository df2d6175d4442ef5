import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/**
 * Deletes alerts raised before the retention period (DELIVERY_RETENTION_DAYS) whose messages are settled, with their
 * messages and attempts, and daily summaries as old. An alert still waiting to be sent stays.
 */
export async function purgeOldAlerts(options: { retentionDays: number; now?: Date }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const { count } = await prisma.alert.deleteMany({
    where: { raisedAt: { lt: cutoff }, deliveries: { none: { status: 'pending' } } },
  });
  await prisma.alertDelivery.deleteMany({
    where: { alertId: null, createdAt: { lt: cutoff }, status: { not: 'pending' } },
  });
  return count;
}
