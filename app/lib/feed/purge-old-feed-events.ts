import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/** Deletes change-feed events recorded before the retention period (EVENT_RETENTION_DAYS). */
export async function purgeOldFeedEvents(options: { retentionDays: number; now?: Date }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const { count } = await prisma.feedEvent.deleteMany({ where: { recordedAt: { lt: cutoff } } });
  return count;
}
