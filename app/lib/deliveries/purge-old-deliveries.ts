import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/** Deletes delivery-log rows older than the retention period; events keep their data. */
export async function purgeOldDeliveries(options: { retentionDays: number; now?: Date }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const { count } = await prisma.delivery.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  return count;
}
