-- Hand-written as ALTER TABLE ... ADD COLUMN: the schema engine proposed rebuilding "Envelope", which would drop
-- the search triggers and change the rowids the search index is keyed by.
ALTER TABLE "Delivery" ADD COLUMN "notice" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "webhookId" TEXT;

ALTER TABLE "Event" ADD COLUMN "details" JSONB;

ALTER TABLE "Hook" ADD COLUMN "rateLimitPerSecond" INTEGER;

ALTER TABLE "Envelope" ADD COLUMN "claimedStatus" TEXT;
ALTER TABLE "Envelope" ADD COLUMN "claimedAt" DATETIME;
ALTER TABLE "Envelope" ADD COLUMN "eventCount" INTEGER NOT NULL DEFAULT 0;

-- Envelopes stored before this migration get their events counted once.
UPDATE "Envelope" SET "eventCount" = (SELECT count(*) FROM "Event" WHERE "Event"."envelopeId" = "Envelope"."id");

CREATE UNIQUE INDEX "Delivery_hookId_webhookId_key" ON "Delivery"("hookId", "webhookId");
