import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';

/**
 * Answered from the index on the reconciliation state, reading only the few failed envelopes' entries: without it
 * every metrics scrape read every envelope. Kept as SQL so that a test can check its plan.
 */
export const COUNT_FAILED_RECONCILIATIONS_SQL = Prisma.sql`
  SELECT COUNT(*) AS "count" FROM "Envelope" WHERE "reconciliation" = 'failed'`;

/** Envelopes whose status the signing service could not be asked about (retried at nextReconcileAt). */
export async function countFailedReconciliations(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number | bigint }[]>(COUNT_FAILED_RECONCILIATIONS_SQL);
  return Number(row?.count ?? 0);
}
