import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Cursor } from '@/app/lib/api/cursor';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import {
  afterCursor,
  containsTerm,
  filterConditions,
  LIST_ORDER,
  matchesTerm,
  normalizeSearchTerm,
  whereClause,
} from './envelope-filter-sql';
import type { EnvelopeFilters } from './envelope-schemas';

const { sql } = Prisma;

/**
 * How many of the newest envelopes a search on SQLite reads before it turns to the full-text index. A common term
 * ("popescu", "example.com") fills a page from the newest few hundred envelopes, while through the index it would
 * fetch and sort every one of its thousands of matches; a rare term is cheap through the index.
 */
export const SEARCH_SCAN_WINDOW = 2_000;

/**
 * The ids of the envelopes of one page of a view, newest activity first: `take` of them after `after`. Loading
 * them is left to the caller, which knows what it needs of each.
 */
export async function findEnvelopeIds(options: {
  filters: EnvelopeFilters;
  after?: Cursor;
  take: number;
  scanWindow?: number;
}): Promise<string[]> {
  const provider = getDatabaseProvider();
  const conditions = filterConditions(provider, options.filters);
  if (options.after) conditions.push(afterCursor(options.after));
  const term = options.filters.q ? normalizeSearchTerm(options.filters.q) : '';
  if (!term) return selectIds(conditions, options.take);

  // PostgreSQL's planner weighs the trigram index against the list order's index by itself; SQLite's cannot.
  if (provider === 'sqlite') {
    const window = options.scanWindow ?? SEARCH_SCAN_WINDOW;
    const found = await searchNewest(provider, conditions, term, window, options.take);
    if (found) return found;
  }
  return selectIds([...conditions, matchesTerm(provider, term)], options.take);
}

async function selectIds(conditions: Prisma.Sql[], take: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Envelope" ${whereClause(conditions)} ${LIST_ORDER} LIMIT ${take}`;
  return rows.map((row) => row.id);
}

/** The page from the newest `window` envelopes of the view, or null when they hold too few matches to tell. */
async function searchNewest(
  provider: DatabaseProvider,
  conditions: Prisma.Sql[],
  term: string,
  window: number,
  take: number,
): Promise<string[] | null> {
  const newest = sql`SELECT "id", "lastEventAt", "searchText" FROM "Envelope" ${whereClause(conditions)} ${LIST_ORDER} LIMIT ${window}`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (${newest}) AS "newest" WHERE ${containsTerm(provider, term)} ${LIST_ORDER} LIMIT ${take}`;
  if (rows.length >= take) return rows.map((row) => row.id);
  // Too few matches: they are the page only if the newest envelopes are all the view holds.
  const [scanned] = await prisma.$queryRaw<{ count: number | bigint }[]>`
    SELECT COUNT(*) AS "count" FROM (SELECT 1 FROM "Envelope" ${whereClause(conditions)} LIMIT ${window}) AS "newest"`;
  return Number(scanned?.count ?? 0) < window ? rows.map((row) => row.id) : null;
}
