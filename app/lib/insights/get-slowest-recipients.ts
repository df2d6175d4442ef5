import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { sqlEpochSeconds, sqlNotTestEnvelope } from './insight-sql';
import type { InsightsPeriod } from './resolve-insights-period';

const { sql } = Prisma;

export type SlowRecipient = {
  email: string;
  name: string | null;
  /** Signatures in the period. */
  signatures: number;
  averageSeconds: number;
  longestSeconds: number;
};

/**
 * Recipients (by e-mail) who took longest on average to sign, over the signatures of the period. The wait starts at
 * the invitation, or at the first open when no invitation notification was received.
 */
export async function getSlowestRecipients(options: {
  period: InsightsPeriod;
  db?: Database;
  limit?: number;
}): Promise<SlowRecipient[]> {
  const db = options.db ?? prisma;
  const { from, to } = options.period;
  const provider = getDatabaseProvider();
  const wait = sql`(${sqlEpochSeconds(provider, 'r."finishedAt"')} - ${sqlEpochSeconds(provider, 'COALESCE(r."invitedAt", r."firstOpenedAt")')})`;
  // A signature is an event of its envelope, so lastEventAt >= from holds for every row wanted and uses its index.
  // The wait is worked out once per signature in the inner query; the outer one only adds up.
  const rows = await db.$queryRaw<Record<keyof SlowRecipient, string | number | bigint | null>[]>`
    SELECT w."email" AS "email", MAX(w."name") AS "name", CAST(COUNT(*) AS INTEGER) AS "signatures",
      CAST(ROUND(AVG(w."seconds")) AS INTEGER) AS "averageSeconds", CAST(MAX(w."seconds") AS INTEGER) AS "longestSeconds"
    FROM (
      SELECT lower(r."email") AS "email", r."name" AS "name", ${wait} AS "seconds"
      FROM "Recipient" AS r
      JOIN "Envelope" AS e ON e."id" = r."envelopeId"
      WHERE e."lastEventAt" >= ${from} AND ${sqlNotTestEnvelope('e')}
        AND r."email" IS NOT NULL AND r."finishedAt" >= ${from} AND r."finishedAt" <= ${to}
        AND COALESCE(r."invitedAt", r."firstOpenedAt") IS NOT NULL
        AND r."finishedAt" >= COALESCE(r."invitedAt", r."firstOpenedAt")
    ) AS w
    GROUP BY w."email"
    ORDER BY 4 DESC, 1
    LIMIT ${options.limit ?? 10}`;
  return rows.map((row) => ({
    email: String(row.email),
    name: row.name === null ? null : String(row.name),
    signatures: Number(row.signatures),
    averageSeconds: Number(row.averageSeconds),
    longestSeconds: Number(row.longestSeconds),
  }));
}
