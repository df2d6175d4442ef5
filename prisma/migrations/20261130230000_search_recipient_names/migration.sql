-- The names of recipients join the search text: the search of the list and its "waiting on" filter look them up
-- through the search index. Every write of an envelope stores the new form (deriveEnvelopeFields), and this brings
-- along the envelopes whose recipients already have names. 8192 is ENVELOPE_LIMITS.searchTextLength.
UPDATE "Envelope"
SET "searchText" = substr(
  "searchText" || char(10) || (
    SELECT group_concat(lower("name"), char(10)) FROM "Recipient"
    WHERE "Recipient"."envelopeId" = "Envelope"."id" AND "Recipient"."name" IS NOT NULL
  ),
  1, 8192)
WHERE EXISTS (
  SELECT 1 FROM "Recipient" WHERE "Recipient"."envelopeId" = "Envelope"."id" AND "Recipient"."name" IS NOT NULL
);
