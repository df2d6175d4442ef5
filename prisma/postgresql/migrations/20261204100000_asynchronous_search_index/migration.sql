-- Envelope search moves its trigram index off "Envelope": every notification rewrites an envelope's row, and each
-- rewrite added the whole text's trigrams to the index inside the notification's transaction (on the ingest bench,
-- about a fifth of PostgreSQL's throughput). The text stays in "Envelope"."searchText", which the search still
-- checks every match against. Its index now lives in "EnvelopeSearchEntry", a copy of the text per envelope that a
-- background round brings up to date from the marks the triggers below leave in "EnvelopeSearchChange", and that a
-- search brings up to date first (app/lib/envelopes/search/). Both tables are index machinery Prisma does not model:
-- app/lib/db/migrations/read-migrations.ts lists them as external. (No semicolons in these comments: the migration
-- runner splits the script on them. Function bodies write each one as \073.)
CREATE TABLE "EnvelopeSearchEntry" (
  "envelopeId" TEXT NOT NULL PRIMARY KEY REFERENCES "Envelope"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "searchText" TEXT NOT NULL
);

-- No key and no index: a mark costs the notification one row appended. The round reads them in any order and
-- deletes exactly the ones it read.
CREATE TABLE "EnvelopeSearchChange" (
  "envelopeId" TEXT NOT NULL
);

INSERT INTO "EnvelopeSearchEntry" ("envelopeId", "searchText") SELECT "id", "searchText" FROM "Envelope";

CREATE INDEX "EnvelopeSearchEntry_searchText_trgm_idx" ON "EnvelopeSearchEntry" USING gin (lower("searchText") gin_trgm_ops);

DROP INDEX "Envelope_searchText_trgm_idx";

CREATE FUNCTION "search_envelopes_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "EnvelopeSearchChange" ("envelopeId") SELECT "id" FROM "inserted_rows"\073
  RETURN NULL\073
END
';

-- Most notifications leave the text as it was: only a changed text (or id) is marked.
CREATE FUNCTION "search_envelopes_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "EnvelopeSearchChange" ("envelopeId")
  SELECT n."id" FROM "new_rows" n LEFT JOIN "old_rows" o ON o."id" = n."id"
  WHERE o."id" IS NULL OR o."searchText" IS DISTINCT FROM n."searchText"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Envelope_search_insert" AFTER INSERT ON "Envelope" REFERENCING NEW TABLE AS "inserted_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "search_envelopes_inserted"();

CREATE TRIGGER "Envelope_search_update" AFTER UPDATE ON "Envelope"
REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "search_envelopes_updated"();
