import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { OPEN_STATUSES, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { statusListSql } from '@/app/lib/envelopes/lifecycle/status-sql';
import { sqlNotTestEnvelope } from './insight-sql';

const DAY_MS = 86_400_000;

export type StuckEnvelope = {
  id: string;
  status: EnvelopeStatus;
  actionRequired: boolean;
  recipientCount: number;
  signedCount: number;
  lastAction: string;
  lastEventAt: string;
  firstSeenAt: string;
};

/**
 * Open envelopes with no notification for more than `stuckDays` days, the quietest first, and how many there are in
 * all. The (status, lastEventAt) index answers both: three open statuses, each a range of lastEventAt.
 */
export async function listStuckEnvelopes(options: { stuckDays: number; now: Date; limit?: number }) {
  const cutoff = new Date(options.now.getTime() - options.stuckDays * DAY_MS);
  const limit = options.limit ?? 20;
  const where = sqlWhere(cutoff);
  const rows = await prisma.$queryRaw<
    {
      id: string;
      status: EnvelopeStatus;
      actionRequired: boolean | number;
      recipientCount: number | bigint;
      signedCount: number | bigint;
      lastAction: string;
      lastEventAt: Date | string;
      firstSeenAt: Date | string;
    }[]
  >`
    SELECT e."id", e."status", e."actionRequired", e."recipientCount", e."signedCount", e."lastAction",
      e."lastEventAt", e."firstSeenAt"
    FROM "Envelope" AS e
    WHERE ${where}
    ORDER BY e."lastEventAt" ASC, e."id" ASC
    LIMIT ${limit}`;
  const [counted] = await prisma.$queryRaw<{ total: number | bigint }[]>`
    SELECT CAST(COUNT(*) AS INTEGER) AS "total" FROM "Envelope" AS e WHERE ${where}`;
  return {
    cutoff: cutoff.toISOString(),
    total: Number(counted?.total ?? 0),
    items: rows.map((row): StuckEnvelope => ({
      id: row.id,
      status: row.status,
      actionRequired: Boolean(row.actionRequired),
      recipientCount: Number(row.recipientCount),
      signedCount: Number(row.signedCount),
      lastAction: row.lastAction,
      lastEventAt: new Date(row.lastEventAt).toISOString(),
      firstSeenAt: new Date(row.firstSeenAt).toISOString(),
    })),
  };
}

function sqlWhere(cutoff: Date) {
  return Prisma.sql`e."status" IN (${statusListSql(OPEN_STATUSES)}) AND e."lastEventAt" < ${cutoff}
      AND ${sqlNotTestEnvelope('e')}`;
}
