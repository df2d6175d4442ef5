-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "notice" TEXT,
ADD COLUMN     "webhookId" TEXT;

-- AlterTable
ALTER TABLE "Envelope" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "claimedStatus" "EnvelopeStatus",
ADD COLUMN     "eventCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "details" JSONB;

-- AlterTable
ALTER TABLE "Hook" ADD COLUMN     "rateLimitPerSecond" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_hookId_webhookId_key" ON "Delivery"("hookId", "webhookId");

-- Envelopes stored before this migration get their events counted once.
UPDATE "Envelope" SET "eventCount" = (SELECT count(*) FROM "Event" WHERE "Event"."envelopeId" = "Envelope"."id");
