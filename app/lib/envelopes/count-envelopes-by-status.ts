import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { filterConditions, matchesTerm, whereClause } from './envelope-filter-sql';
import type { StatusCounts } from './envelope-list-schema';
import type { EnvelopeFilters } from './envelope-schemas';
import { ENVELOPE_STATUSES, OPEN_STATUSES } from './lifecycle/envelope-statuses';
import { bringRollupsUpToDate } from './rollups/bring-rollups-up-to-date';
import { countOpenActiveSince } from './rollups/count-open-active-since';
import { COUNT_ACTIVE_UP_TO_DAYS, readStatusCounts } from './rollups/read-status-counts';
import { normalizeSearchTerm, planSearchLookups, type SearchLookups } from './search/plan-search-lookups';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A view narrowed only by hook (and whether tests show) is read from the status rollup, exact and at once. Counting
 * any other view reads every envelope of it, which on a large database takes tens of milliseconds, and every open
 * home page asks again every few seconds. Counts over this many envelopes are therefore reused for a moment (shared
 * by every reader); smaller counts are always fresh.
 */
export const REUSED_COUNT_THRESHOLD = 20_000;
export const COUNT_REUSE_MS = 10_000;
const MAX_REUSED_VIEWS = 200;

type Entry = { counts: Promise<StatusCounts>; reusableUntil: number };
// Module state, like the Prisma client: one per server process.
const reused = new Map<string, Entry>();

/** How many envelopes of the view are in each status; the view's own status filter is left out. */
export async function countEnvelopesByStatus(options: { filters: EnvelopeFilters }): Promise<StatusCounts> {
  const filters: EnvelopeFilters = { ...options.filters, status: undefined };
  const countedByRollup =
    !filters.q &&
    !filters.from &&
    !filters.to &&
    !filters.expiringWithin &&
    filters.quietFor === undefined &&
    !filters.waitingOn;
  if (countedByRollup && (await bringRollupsUpToDate())) {
    return readStatusCounts({ hookId: filters.hook, includeTests: filters.tests === 'include' });
  }
  const quietOnly =
    filters.quietFor !== undefined &&
    filters.quietFor <= COUNT_ACTIVE_UP_TO_DAYS &&
    !filters.q &&
    !filters.from &&
    !filters.to &&
    !filters.expiringWithin &&
    !filters.waitingOn;
  if (quietOnly && (await bringRollupsUpToDate())) return countQuietFromRollups(filters, filters.quietFor!);
  const provider = getDatabaseProvider();
  const key = JSON.stringify([
    provider,
    filters.hook,
    filters.q && normalizeSearchTerm(filters.q),
    filters.from,
    filters.to,
    filters.expiringWithin,
    filters.quietFor,
    filters.waitingOn && normalizeSearchTerm(filters.waitingOn),
    filters.tests,
  ]);
  const now = Date.now();
  const entry = reused.get(key);
  if (entry && entry.reusableUntil > now) return entry.counts;

  // Readers arriving while a count runs share it.
  const counts = countNow(filters);
  reused.set(key, { counts, reusableUntil: Number.POSITIVE_INFINITY });
  try {
    const result = await counts;
    const total = ENVELOPE_STATUSES.reduce((sum, status) => sum + result[status], 0);
    if (total >= REUSED_COUNT_THRESHOLD) {
      reused.set(key, { counts, reusableUntil: Date.now() + COUNT_REUSE_MS });
      forgetOldest();
    } else if (reused.get(key)?.counts === counts) {
      reused.delete(key);
    }
    return result;
  } catch (error) {
    if (reused.get(key)?.counts === counts) reused.delete(key);
    throw error;
  }
}

/**
 * Open envelopes quiet for more than `days`: the rollup's open envelopes less those active since, read from the
 * (status, lastEventAt) index. Counting the quiet ones themselves read every one of them (at 2,500,000 envelopes,
 * nearly a million rows and 18 s from a cold cache).
 */
async function countQuietFromRollups(filters: EnvelopeFilters, days: number): Promise<StatusCounts> {
  const includeTests = filters.tests === 'include';
  const since = new Date(Date.now() - days * DAY_MS);
  const [open, active] = await Promise.all([
    readStatusCounts({ hookId: filters.hook, includeTests }),
    countOpenActiveSince({ since, includeTests, hookId: filters.hook }),
  ]);
  const counts = Object.fromEntries(ENVELOPE_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const status of OPEN_STATUSES) counts[status] = open[status] - (active[status] ?? 0);
  return counts;
}

async function countNow(filters: EnvelopeFilters): Promise<StatusCounts> {
  const provider = getDatabaseProvider();
  const lookups = await planSearchLookups(filters);
  const rows = await prisma.$queryRaw<{ status: string; count: number | bigint }[]>(
    countByStatusSql({ provider, filters, lookups }),
  );
  const counts = Object.fromEntries(ENVELOPE_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const row of rows) {
    if (row.status in counts) counts[row.status as keyof StatusCounts] = Number(row.count);
  }
  return counts;
}

/** The query counting a view per status (exported for the test of its plan). */
export function countByStatusSql(options: {
  provider: DatabaseProvider;
  filters: EnvelopeFilters;
  lookups: SearchLookups;
  now?: Date;
}): Prisma.Sql {
  const { provider, lookups } = options;
  const conditions = filterConditions(provider, options.filters, { lookups, now: options.now });
  if (lookups.q) conditions.push(matchesTerm(provider, lookups.q));
  return Prisma.sql`
    SELECT CAST("status" AS TEXT) AS "status", COUNT(*) AS "count" FROM "Envelope" ${whereClause(conditions)} GROUP BY "status"`;
}

function forgetOldest() {
  const now = Date.now();
  for (const [key, entry] of reused) if (entry.reusableUntil <= now) reused.delete(key);
  while (reused.size > MAX_REUSED_VIEWS) reused.delete(reused.keys().next().value!);
}
