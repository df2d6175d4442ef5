import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { statusesWithOutcome } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { statusListSql } from '@/app/lib/envelopes/lifecycle/status-sql';
import { sqlNotTestEnvelope } from './insight-sql';
import type { InsightsPeriod } from './resolve-insights-period';

export type SigningFunnel = {
  invited: number;
  opened: number;
  signed: number;
  completed: number;
  /** Of the invited, those that ended without completing. */
  rejected: number;
  expired: number;
};

/**
 * The envelopes first seen in the period and how far each got. A stage counts every envelope that reached it or a
 * later one, so a missed "opened" notification does not make a signed envelope drop out of the funnel.
 */
export async function getSigningFunnel(options: { period: InsightsPeriod; db?: Database }): Promise<SigningFunnel> {
  const db = options.db ?? prisma;
  const { from, to } = options.period;
  const [signed, declined, lapsed] = (['signed', 'declined', 'lapsed'] as const).map((outcome) =>
    statusListSql(statusesWithOutcome(outcome)),
  );
  // firstSeenAt <= lastEventAt always, so the lastEventAt condition only lets the index narrow the scan.
  const [row] = await db.$queryRaw<Record<keyof SigningFunnel, number | bigint>[]>`
    SELECT
      CAST(COUNT(*) AS INTEGER) AS "invited",
      CAST(COALESCE(SUM(CASE WHEN e."firstOpenedAt" IS NOT NULL OR e."signedCount" > 0 OR e."status" IN (${signed})
        THEN 1 ELSE 0 END), 0) AS INTEGER) AS "opened",
      CAST(COALESCE(SUM(CASE WHEN e."signedCount" > 0 OR e."status" IN (${signed}) THEN 1 ELSE 0 END), 0) AS INTEGER)
        AS "signed",
      CAST(COALESCE(SUM(CASE WHEN e."status" IN (${signed}) THEN 1 ELSE 0 END), 0) AS INTEGER) AS "completed",
      CAST(COALESCE(SUM(CASE WHEN e."status" IN (${declined}) THEN 1 ELSE 0 END), 0) AS INTEGER) AS "rejected",
      CAST(COALESCE(SUM(CASE WHEN e."status" IN (${lapsed}) THEN 1 ELSE 0 END), 0) AS INTEGER) AS "expired"
    FROM "Envelope" AS e
    WHERE e."lastEventAt" >= ${from} AND e."firstSeenAt" >= ${from} AND e."firstSeenAt" <= ${to}
      AND ${sqlNotTestEnvelope('e')}`;
  return {
    invited: Number(row?.invited ?? 0),
    opened: Number(row?.opened ?? 0),
    signed: Number(row?.signed ?? 0),
    completed: Number(row?.completed ?? 0),
    rejected: Number(row?.rejected ?? 0),
    expired: Number(row?.expired ?? 0),
  };
}
