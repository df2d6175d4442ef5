-- Envelope search: a trigram index over the lower-cased "searchText" (id, recipient e-mails and custom values), so a
-- substring search reads a few index pages instead of every envelope. Prisma does not model expression indexes and
-- leaves this one alone. pg_trgm ships with PostgreSQL and is a trusted extension: a role that may create objects in
-- the database may enable it. (No semicolons in these comments: the migration runner splits the script on them.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Envelope_searchText_trgm_idx" ON "Envelope" USING gin (lower("searchText") gin_trgm_ops);
