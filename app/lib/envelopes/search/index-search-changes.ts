import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';

/** Marks one statement takes: a round after the migration or a bulk import goes in steps of this many envelopes. */
export const SEARCH_INDEX_CHUNK = 2_000;
/** "sear" in ASCII: two instances never take the same marks at once, so an older text never overwrites a newer one. */
const INDEX_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1936023922, 1) IS NULL AS "locked"';

// Taking the marks and reading the texts is one statement, one snapshot: a mark is committed with its text, so every
// text read is at least as new as the marks taken, and a mark committed meanwhile stays for the next round. Marks are
// deleted by their place in the table (ctid), exactly the ones read.
const INDEX_CHUNK_SQL = `WITH "picked" AS (
    SELECT ctid AS "mark", "envelopeId" FROM "EnvelopeSearchChange" LIMIT $1::int
  ), "cleared" AS (
    DELETE FROM "EnvelopeSearchChange" WHERE ctid = ANY (ARRAY(SELECT "mark" FROM "picked"))
  ), "indexed" AS (
    INSERT INTO "EnvelopeSearchEntry" ("envelopeId", "searchText")
    SELECT e."id", e."searchText" FROM "Envelope" AS e WHERE e."id" IN (SELECT "envelopeId" FROM "picked")
    ON CONFLICT ("envelopeId") DO UPDATE SET "searchText" = excluded."searchText"
    WHERE "EnvelopeSearchEntry"."searchText" IS DISTINCT FROM excluded."searchText"
  )
  SELECT count(*)::int AS "taken" FROM "picked"`;

/**
 * Brings PostgreSQL's search index (EnvelopeSearchEntry) up to date with up to `limit` changed envelopes, from the
 * marks the database's triggers leave when an envelope's text is written (see the asynchronous_search_index
 * migration). SQLite's full-text index follows its triggers in the same transaction: nothing to do there.
 */
export async function indexSearchChanges(
  options: { limit?: number; db?: Database; provider?: DatabaseProvider } = {},
): Promise<{ taken: number; pending: boolean }> {
  const db = options.db ?? prisma;
  if ((options.provider ?? getDatabaseProvider()) !== 'postgresql') return { taken: 0, pending: false };
  const limit = options.limit ?? SEARCH_INDEX_CHUNK;
  let taken = 0;
  while (taken < limit) {
    const chunk = Math.min(SEARCH_INDEX_CHUNK, limit - taken);
    const [, rows] = await db.$transaction([
      db.$queryRawUnsafe(INDEX_LOCK_SQL),
      db.$queryRawUnsafe<{ taken: number }[]>(INDEX_CHUNK_SQL, chunk),
    ]);
    const chunkTaken = rows[0]?.taken ?? 0;
    taken += chunkTaken;
    if (chunkTaken < chunk) return { taken, pending: false };
  }
  return { taken, pending: await hasSearchChanges(db) };
}

/** Whether texts wait to be taken into the search index (always false on SQLite). */
export async function hasSearchChanges(db: Database = prisma): Promise<boolean> {
  const rows = await db.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "EnvelopeSearchChange") AS "pending"`;
  return rows[0]?.pending === true;
}
