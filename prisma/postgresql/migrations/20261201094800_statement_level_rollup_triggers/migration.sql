-- The rollups' change marks (20261201061313_rollups) move from row triggers to statement triggers: a batch of
-- notifications is one statement per table, so one call of each function and one INSERT-SELECT replace a PL/pgSQL
-- call and a single-row insert per changed row (this cost the ingest about a third more database CPU per
-- notification). They mark the same envelopes: any write that changes what an envelope counts for, whoever made it.
-- Transition tables allow neither a column list nor several events per trigger, so each event has its own trigger
-- and the function compares the old and new rows itself. Function bodies write each semicolon as \073 (the driver
-- adapter that applies migrations splits a script at every semicolon).
DROP TRIGGER "Envelope_rollup_insert_delete" ON "Envelope";
DROP TRIGGER "Envelope_rollup_update" ON "Envelope";
DROP TRIGGER "Recipient_rollup_insert_delete" ON "Recipient";
DROP TRIGGER "Recipient_rollup_update" ON "Recipient";
DROP FUNCTION "rollup_envelope_changed"();
DROP FUNCTION "rollup_recipient_changed"();

CREATE FUNCTION "rollup_envelopes_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "RollupChange" ("envelopeId") SELECT "id" FROM "inserted_rows"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "rollup_envelopes_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "RollupChange" ("envelopeId") SELECT "id" FROM "deleted_rows"\073
  RETURN NULL\073
END
';

-- Rows are paired by id: a row whose id changed has no partner, and both its ids are marked.
CREATE FUNCTION "rollup_envelopes_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "RollupChange" ("envelopeId")
  SELECT n."id" FROM "new_rows" n LEFT JOIN "old_rows" o ON o."id" = n."id"
  WHERE o."id" IS NULL OR o."hookId" IS DISTINCT FROM n."hookId" OR o."isTest" IS DISTINCT FROM n."isTest"
    OR o."status" IS DISTINCT FROM n."status" OR o."firstSeenAt" IS DISTINCT FROM n."firstSeenAt"
    OR o."firstOpenedAt" IS DISTINCT FROM n."firstOpenedAt" OR o."finishedAt" IS DISTINCT FROM n."finishedAt"
    OR o."signedCount" IS DISTINCT FROM n."signedCount"
  UNION
  SELECT o."id" FROM "old_rows" o LEFT JOIN "new_rows" n ON n."id" = o."id" WHERE n."id" IS NULL\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Envelope_rollup_insert" AFTER INSERT ON "Envelope" REFERENCING NEW TABLE AS "inserted_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "rollup_envelopes_inserted"();

CREATE TRIGGER "Envelope_rollup_delete" AFTER DELETE ON "Envelope" REFERENCING OLD TABLE AS "deleted_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "rollup_envelopes_deleted"();

CREATE TRIGGER "Envelope_rollup_update" AFTER UPDATE ON "Envelope"
REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "rollup_envelopes_updated"();

-- A recipient counts only once signed (SignatureWait).
CREATE FUNCTION "rollup_recipients_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "RollupChange" ("envelopeId")
  SELECT DISTINCT "envelopeId" FROM "inserted_rows" WHERE "finishedAt" IS NOT NULL\073
  RETURN NULL\073
END
';

CREATE FUNCTION "rollup_recipients_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "RollupChange" ("envelopeId")
  SELECT DISTINCT "envelopeId" FROM "deleted_rows" WHERE "finishedAt" IS NOT NULL\073
  RETURN NULL\073
END
';

-- Paired by id as above: a signed recipient that changed marks its envelope before and after the change.
CREATE FUNCTION "rollup_recipients_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "RollupChange" ("envelopeId")
  SELECT "envelopeId" FROM (
    SELECT n."envelopeId" AS "newEnvelopeId", o."envelopeId" AS "oldEnvelopeId", n."finishedAt" AS "newFinishedAt",
      o."finishedAt" AS "oldFinishedAt"
    FROM "new_rows" n FULL JOIN "old_rows" o ON o."id" = n."id"
    WHERE (o."finishedAt" IS NOT NULL OR n."finishedAt" IS NOT NULL) AND (o."id" IS NULL OR n."id" IS NULL
      OR o."envelopeId" IS DISTINCT FROM n."envelopeId" OR o."email" IS DISTINCT FROM n."email"
      OR o."name" IS DISTINCT FROM n."name" OR o."invitedAt" IS DISTINCT FROM n."invitedAt"
      OR o."firstOpenedAt" IS DISTINCT FROM n."firstOpenedAt" OR o."finishedAt" IS DISTINCT FROM n."finishedAt")
  ) AS "changed"
  CROSS JOIN LATERAL (VALUES ("newEnvelopeId"), ("oldEnvelopeId")) AS "marked"("envelopeId")
  WHERE "envelopeId" IS NOT NULL
  GROUP BY "envelopeId"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Recipient_rollup_insert" AFTER INSERT ON "Recipient" REFERENCING NEW TABLE AS "inserted_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "rollup_recipients_inserted"();

CREATE TRIGGER "Recipient_rollup_delete" AFTER DELETE ON "Recipient" REFERENCING OLD TABLE AS "deleted_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "rollup_recipients_deleted"();

CREATE TRIGGER "Recipient_rollup_update" AFTER UPDATE ON "Recipient"
REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
FOR EACH STATEMENT EXECUTE FUNCTION "rollup_recipients_updated"();
