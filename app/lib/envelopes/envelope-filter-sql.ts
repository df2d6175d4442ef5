import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { sqlEnum } from '@/app/lib/db/sql-values';
import type { EnvelopeFilters } from './envelope-schemas';
import { OPEN_STATUSES } from './lifecycle/envelope-statuses';
import { statusListSql } from './lifecycle/status-sql';
import { MIN_INDEXED_SEARCH_LENGTH } from './search/choose-indexed-part';
import type { SearchLookup, SearchLookups } from './search/plan-search-lookups';

const { sql, join, empty } = Prisma;

// The envelope list, its status counts and its CSV export share these conditions on "Envelope", written once for
// both databases. Search needs raw SQL: its indexes (SQLite FTS5 trigram, see the envelope_search migration, and
// PostgreSQL pg_trgm on the copies of the texts in "EnvelopeSearchEntry", see asynchronous_search_index) are beyond
// what Prisma's query API can address.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Status, hook, last-activity range, deadline, quiet time, who an envelope waits on and whether test envelopes show
 * (the search term is separate: it has more than one form). `now` is when "expiring within N days" and "quiet for
 * more than N days" count from; `lookups` says how the searches are looked up (planSearchLookups).
 */
export function filterConditions(
  provider: DatabaseProvider,
  filters: EnvelopeFilters,
  options: { now?: Date; lookups: SearchLookups },
): Prisma.Sql[] {
  const now = options.now ?? new Date();
  const conditions: Prisma.Sql[] = [];
  if (filters.tests !== 'include') conditions.push(sql`NOT "isTest"`);
  if (filters.status) {
    conditions.push(sql`"status" = ${sqlEnum(provider, 'EnvelopeStatus', filters.status)}`);
  }
  if (filters.hook) conditions.push(sql`"hookId" = ${filters.hook}`);
  if (filters.from) conditions.push(sql`"lastEventAt" >= ${filters.from}`);
  if (filters.to) conditions.push(sql`"lastEventAt" <= ${filters.to}`);
  if (filters.expiringWithin) {
    const until = new Date(now.getTime() + filters.expiringWithin * DAY_MS);
    conditions.push(sql`${isOpenSql(provider)} AND "expiresAt" >= ${now} AND "expiresAt" <= ${until}`);
  }
  if (filters.quietFor !== undefined) {
    const quietSince = new Date(now.getTime() - filters.quietFor * DAY_MS);
    // Through the (status, lastEventAt) index on both databases: three ranges, one per open status, hold exactly the
    // quiet envelopes, however many ended ones went quiet before them.
    conditions.push(sql`"status" IN (${statusListSql(OPEN_STATUSES)}) AND "lastEventAt" < ${quietSince}`);
  }
  if (options.lookups.waitingOn) conditions.push(waitingOnSql(provider, options.lookups.waitingOn));
  // Probed through the (envelopeId, providerFileId) index as the list's index is walked: the few envelopes with
  // files are found without loading every envelope of the view.
  if (filters.withDocuments) {
    conditions.push(sql`EXISTS (SELECT 1 FROM "Document" AS d WHERE d."envelopeId" = "Envelope"."id")`);
  }
  return conditions;
}

/**
 * Open envelopes whose current recipient's name or e-mail holds the term. The recipient's e-mail and name are in the
 * search text, so the search index narrows the candidates first (as for a search) and the columns decide.
 */
function waitingOnSql(provider: DatabaseProvider, lookup: SearchLookup): Prisma.Sql {
  const { term } = lookup;
  // Both sides lower-cased by the database, so the two compare alike whatever it folds (SQLite: ASCII only).
  const found = (column: string) =>
    provider === 'postgresql'
      ? sql`strpos(lower(${Prisma.raw(`"${column}"`)}), lower(${term})) > 0`
      : sql`instr(lower(${Prisma.raw(`"${column}"`)}), lower(${term})) > 0`;
  return sql`${isOpenSql(provider)} AND ${matchesTerm(provider, lookup)} AND (${found('waitingOnEmail')} OR ${found('waitingOnName')})`;
}

/**
 * The envelope is open, as a check on rows found otherwise. SQLite's planner, without statistics, takes four status
 * values for a handful of rows and would walk the status index, reading every open envelope; the unary plus keeps it
 * on the deadline's or the search's index. PostgreSQL's planner knows better from its statistics.
 */
function isOpenSql(provider: DatabaseProvider): Prisma.Sql {
  const column = Prisma.raw(provider === 'sqlite' ? '+"status"' : '"status"');
  return sql`${column} IN (${statusListSql(OPEN_STATUSES)})`;
}

/** The term as a plain substring test, for rows already at hand (no index). */
export function containsTerm(provider: DatabaseProvider, term: string): Prisma.Sql {
  return provider === 'postgresql'
    ? sql`strpos(lower("searchText"), ${term}) > 0`
    : sql`instr("searchText", ${term}) > 0`;
}

/**
 * The term through the database's search index where it can use one, by the part of it the lookup chose. Matches
 * are checked against the text itself as well, so what the index returns is only ever a candidate.
 */
export function matchesTerm(provider: DatabaseProvider, lookup: SearchLookup): Prisma.Sql {
  const { term, indexedPart: part } = lookup;
  if (!lookup.useIndex) return containsTerm(provider, term);
  if (provider === 'postgresql') {
    // The planner uses the trigram index for rare terms, and for common ones walks the list order's index and looks
    // each envelope's entry up by its key. The whole term is checked on the entry's copy first, so only envelopes
    // that match are read (over 2,500,000 envelopes, reading every candidate's row tripled a search's time), and on
    // the envelope's own text as well, which a notification may have changed since the entry was taken in.
    const pattern = `%${escapeLike(part)}%`;
    const found = containsTerm(provider, term);
    return sql`"id" IN (SELECT "envelopeId" FROM "EnvelopeSearchEntry" WHERE lower("searchText") LIKE ${pattern} AND ${found}) AND ${found}`;
  }
  if (part.length < MIN_INDEXED_SEARCH_LENGTH) return containsTerm(provider, term);
  // A quoted FTS5 phrase of trigrams matches exactly the texts containing it.
  const phrase = `"${part.replaceAll('"', '""')}"`;
  return sql`rowid IN (SELECT rowid FROM "EnvelopeSearch" WHERE "EnvelopeSearch" MATCH ${phrase}) AND ${containsTerm(provider, term)}`;
}

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (character) => `\\${character}`);

export function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? sql`WHERE ${join(conditions, ' AND ')}` : empty;
}
