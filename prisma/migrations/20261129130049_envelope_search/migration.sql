-- Envelope search: a trigram full-text index over "searchText" (the lower-cased id, recipient e-mails and custom
-- values), so a substring search reads a few index pages instead of every envelope. Prisma cannot model a virtual
-- table: app/lib/db/migrations/read-migrations.ts lists it and its shadow tables as external tables, which the schema
-- engine leaves alone. Contentless: the text stays in "Envelope" only; rows are tied by the envelope's rowid, and
-- the search checks every match against "Envelope"."searchText" again, so a stale entry can never show a wrong row.
CREATE VIRTUAL TABLE "EnvelopeSearch" USING fts5("searchText", content='', contentless_delete=1, tokenize='trigram');

INSERT INTO "EnvelopeSearch" (rowid, "searchText") SELECT rowid, "searchText" FROM "Envelope";

CREATE TRIGGER "Envelope_search_insert" AFTER INSERT ON "Envelope" BEGIN
  INSERT INTO "EnvelopeSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

-- Most notifications leave the text as it was: only a change rewrites the entry.
CREATE TRIGGER "Envelope_search_update" AFTER UPDATE OF "searchText" ON "Envelope"
WHEN old."searchText" IS NOT new."searchText" BEGIN
  DELETE FROM "EnvelopeSearch" WHERE rowid = old.rowid;
  INSERT INTO "EnvelopeSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

CREATE TRIGGER "Envelope_search_delete" AFTER DELETE ON "Envelope" BEGIN
  DELETE FROM "EnvelopeSearch" WHERE rowid = old.rowid;
END;
