import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { OPEN_STATUSES, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { statusListSql } from '@/app/lib/envelopes/lifecycle/status-sql';
import { countOpenActiveSince } from '@/app/lib/envelopes/rollups/count-open-active-since';
import { COUNT_ACTIVE_UP_TO_DAYS, readStatusCounts } from '@/app/lib/envelopes/rollups/read-status-counts';
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
 * all. The (status, lastEventAt) index answers both: three open statuses, each a range of lastEventAt. With the status
 * rollup up to date (`useRollups`) and a short cutoff, the total is the open envelopes less those active since.
 */
type StuckRow = {
  id: string;
  status: EnvelopeStatus;
  actionRequired: boolean | number;
  recipientCount: number | bigint;
  signedCount: number | bigint;
  lastAction: string;
  lastEventAt: Date | string;
  firstSeenAt: Date | string;
};

export async function listStuckEnvelopes(options: {
  stuckDays: number;
  now: Date;
  limit?: number;
  useRollups?: boolean;
  db?: Database;
}) {
  const db = options.db ?? prisma;
  const cutoff = new Date(options.now.getTime() - options.stuckDays * DAY_MS);
  const limit = options.limit ?? 20;
  // One status at a time: each walks its own part of the (status, lastEventAt, id) index from the quietest and stops
  // at `limit`; a single query over the three would sort every stuck envelope first.
  const perStatus = await Promise.all(
    OPEN_STATUSES.map(
      (status) => db.$queryRaw<StuckRow[]>`
        SELECT e."id", e."status", e."actionRequired", e."recipientCount", e."signedCount", e."lastAction",
          e."lastEventAt", e."firstSeenAt"
        FROM "Envelope" AS e
        WHERE e."status" IN (${statusListSql([status])}) AND e."lastEventAt" < ${cutoff} AND ${sqlNotTestEnvelope('e')}
        ORDER BY e."lastEventAt" ASC, e."id" ASC
        LIMIT ${limit}`,
    ),
  );
  const rows = perStatus
    .flat()
    .map((row) => ({ ...row, lastEventAt: new Date(row.lastEventAt) }))
    .sort((a, b) => a.lastEventAt.getTime() - b.lastEventAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
  return {
    cutoff: cutoff.toISOString(),
    total: await countStuck(db, cutoff, options.useRollups === true && options.stuckDays <= COUNT_ACTIVE_UP_TO_DAYS),
    items: rows.map((row): StuckEnvelope => ({
      id: row.id,
      status: row.status,
      actionRequired: Boolean(row.actionRequired),
      recipientCount: Number(row.recipientCount),
      signedCount: Number(row.signedCount),
      lastAction: row.lastAction,
      lastEventAt: row.lastEventAt.toISOString(),
      firstSeenAt: new Date(row.firstSeenAt).toISOString(),
    })),
  };
}

async function countStuck(db: Database, cutoff: Date, fromRollups: boolean): Promise<number> {
  if (!fromRollups) {
    const [counted] = await db.$queryRaw<{ total: number | bigint }[]>`
      SELECT CAST(COUNT(*) AS INTEGER) AS "total" FROM "Envelope" AS e WHERE ${sqlWhere(cutoff)}`;
    return Number(counted?.total ?? 0);
  }
  const counts = await readStatusCounts({ includeTests: false, db });
  const active = await countOpenActiveSince({ since: cutoff, includeTests: false, db });
  return OPEN_STATUSES.reduce((sum, status) => sum + counts[status] - (active[status] ?? 0), 0);
}

function sqlWhere(cutoff: Date) {
  return Prisma.sql`e."status" IN (${statusListSql(OPEN_STATUSES)}) AND e."lastEventAt" < ${cutoff}
      AND ${sqlNotTestEnvelope('e')}`;
}
