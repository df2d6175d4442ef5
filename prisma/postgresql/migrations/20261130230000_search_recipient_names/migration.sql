-- The names of recipients join the search text: the search of the list and its "waiting on" filter look them up
-- through the search index. Every write of an envelope stores the new form (deriveEnvelopeFields), and this brings
-- along the envelopes whose recipients already have names. 8192 is ENVELOPE_LIMITS.searchTextLength.
UPDATE "Envelope" AS e
SET "searchText" = left(e."searchText" || E'\n' || n."names", 8192)
FROM (
  SELECT "envelopeId", string_agg(DISTINCT lower("name"), E'\n') AS "names"
  FROM "Recipient" WHERE "name" IS NOT NULL GROUP BY "envelopeId"
) AS n
WHERE n."envelopeId" = e."id";
