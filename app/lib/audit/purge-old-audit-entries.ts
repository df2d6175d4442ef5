import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/** Deletes audit entries older than the retention period (AUDIT_RETENTION_DAYS, 400 by default). */
export async function purgeOldAuditEntries(options: { retentionDays: number; now?: Date }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const { count } = await prisma.auditEntry.deleteMany({ where: { at: { lt: cutoff } } });
  return count;
}
