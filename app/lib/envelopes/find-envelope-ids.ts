import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { sqlEnum } from '@/app/lib/db/sql-values';
import { containsTerm, filterConditions, matchesTerm, whereClause } from './envelope-filter-sql';
import {
  DEFAULT_ENVELOPE_ORDER,
  defaultOrderFor,
  SORT_COLUMNS,
  statusPosition,
  type EnvelopeListCursor,
  type EnvelopeOrder,
} from './envelope-list-order';
import {
  activityOrderSql,
  afterActivitySql,
  afterIdSql,
  afterTimeSql,
  nullTimeOrderSql,
  timeOrderSql,
} from './envelope-order-sql';
import type { EnvelopeFilters } from './envelope-schemas';
import { ENVELOPE_STATUSES } from './lifecycle/envelope-statuses';
import { planSearchLookups } from './search/plan-search-lookups';

const { sql } = Prisma;

/**
 * How many of the newest envelopes a search on SQLite reads before it turns to the full-text index. A common term
 * ("popescu", "example.com") fills a page from the newest few hundred envelopes, while through the index it would
 * fetch and sort every one of its thousands of matches; a rare term is cheap through the index.
 */
export const SEARCH_SCAN_WINDOW = 2_000;

/**
 * The ids of the envelopes of one page of a view, in the view's order (its default unless told): `take`
 * of them after `after`. Loading them is left to the caller, which knows what it needs of each.
 */
export async function findEnvelopeIds(options: {
  filters: EnvelopeFilters;
  order?: EnvelopeOrder;
  after?: EnvelopeListCursor;
  take: number;
  scanWindow?: number;
  now?: Date;
  /** Where to read: the process's client unless told. */
  db?: Transaction;
}): Promise<string[]> {
  const db = options.db ?? prisma;
  const provider = getDatabaseProvider();
  const order = options.order ?? defaultOrderFor(options.filters);
  const lookups = await planSearchLookups(options.filters);
  const conditions = filterConditions(provider, options.filters, { now: options.now, lookups });
  const search = lookups.q;

  if (order.sort === 'activity') {
    if (options.after) conditions.push(afterActivitySql(order, options.after));
    const orderBy = activityOrderSql(order);
    if (!search) return selectIds(db, conditions, orderBy, options.take);
    // PostgreSQL's planner weighs the trigram index against the list order's index by itself; SQLite's cannot.
    if (provider === 'sqlite') {
      const window = options.scanWindow ?? SEARCH_SCAN_WINDOW;
      const found = await searchFirst(db, provider, conditions, orderBy, search.term, window, options.take);
      if (found) return found;
    }
    return selectIds(db, [...conditions, matchesTerm(provider, search)], orderBy, options.take);
  }

  if (search) conditions.push(matchesTerm(provider, search));
  if (order.sort === 'status') {
    return selectByStatus(db, provider, options.filters, order, conditions, options.after, options.take);
  }
  return selectByTime(db, SORT_COLUMNS[order.sort], order, conditions, options.after, options.take);
}

/**
 * By a time that may be unknown: the known times in order through their index, then, once they run out, the
 * unknown ones by id. Two plain index walks rather than one "NULLS LAST" sort, which no index serves both ways.
 */
async function selectByTime(
  db: Transaction,
  column: string,
  order: EnvelopeOrder,
  conditions: Prisma.Sql[],
  after: EnvelopeListCursor | undefined,
  take: number,
): Promise<string[]> {
  const known = Prisma.raw(`"${column}" IS NOT NULL`);
  const unknown = Prisma.raw(`"${column}" IS NULL`);
  const ids: string[] = [];
  const afterKnown = after && typeof after.key === 'string' ? new Date(after.key) : null;
  if (!after || afterKnown) {
    const own = afterKnown ? [afterTimeSql(column, order, afterKnown, after!.id)] : [];
    ids.push(...(await selectIds(db, [...conditions, known, ...own], timeOrderSql(column, order), take)));
    if (ids.length >= take) return ids;
  }
  const own = after && after.key === null ? [afterIdSql(order, after.id)] : [];
  ids.push(...(await selectIds(db, [...conditions, unknown, ...own], nullTimeOrderSql(order), take - ids.length)));
  return ids;
}

/**
 * By status in the lifecycle's order, newest activity first within each: one index walk per status ("status",
 * "lastEventAt", "id") until the page is full. A single query ordered by the status's position would have to read
 * and sort every envelope of the view, since no index holds that position.
 */
async function selectByStatus(
  db: Transaction,
  provider: DatabaseProvider,
  filters: EnvelopeFilters,
  order: EnvelopeOrder,
  conditions: Prisma.Sql[],
  after: EnvelopeListCursor | undefined,
  take: number,
): Promise<string[]> {
  const afterPosition = after && typeof after.key === 'number' ? after.key : null;
  const statuses = (order.dir === 'asc' ? [...ENVELOPE_STATUSES] : [...ENVELOPE_STATUSES].reverse()).filter(
    (status) =>
      (!filters.status || status === filters.status) &&
      (afterPosition === null ||
        (order.dir === 'asc' ? statusPosition(status) >= afterPosition : statusPosition(status) <= afterPosition)),
  );
  const ids: string[] = [];
  // Within a status, newest activity first whichever way the statuses go.
  for (const status of statuses) {
    const own = [sql`"status" = ${sqlEnum(provider, 'EnvelopeStatus', status)}`];
    if (after && statusPosition(status) === afterPosition) {
      own.push(afterActivitySql(DEFAULT_ENVELOPE_ORDER, after));
    }
    ids.push(
      ...(await selectIds(db, [...conditions, ...own], activityOrderSql(DEFAULT_ENVELOPE_ORDER), take - ids.length)),
    );
    if (ids.length >= take) break;
  }
  return ids;
}

async function selectIds(
  db: Transaction,
  conditions: Prisma.Sql[],
  orderBy: Prisma.Sql,
  take: number,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Envelope" ${whereClause(conditions)} ${orderBy} LIMIT ${take}`;
  return rows.map((row) => row.id);
}

/** The page from the first `window` envelopes of the view, or null when they hold too few matches to tell. */
async function searchFirst(
  db: Transaction,
  provider: DatabaseProvider,
  conditions: Prisma.Sql[],
  orderBy: Prisma.Sql,
  term: string,
  window: number,
  take: number,
): Promise<string[] | null> {
  const first = sql`SELECT "id", "lastEventAt", "searchText" FROM "Envelope" ${whereClause(conditions)} ${orderBy} LIMIT ${window}`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (${first}) AS "newest" WHERE ${containsTerm(provider, term)} ${orderBy} LIMIT ${take}`;
  if (rows.length >= take) return rows.map((row) => row.id);
  // Too few matches: they are the page only if the first envelopes are all the view holds.
  const [scanned] = await db.$queryRaw<{ count: number | bigint }[]>`
    SELECT COUNT(*) AS "count" FROM (SELECT 1 FROM "Envelope" ${whereClause(conditions)} LIMIT ${window}) AS "newest"`;
  return Number(scanned?.count ?? 0) < window ? rows.map((row) => row.id) : null;
}
