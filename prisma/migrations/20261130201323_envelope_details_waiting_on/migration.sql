-- Written by hand as ADD COLUMN: the engine's table rebuild would drop the envelope search's FTS5 triggers.
ALTER TABLE "Envelope" ADD COLUMN "name" TEXT;
ALTER TABLE "Envelope" ADD COLUMN "sentAt" DATETIME;
ALTER TABLE "Envelope" ADD COLUMN "senderName" TEXT;
ALTER TABLE "Envelope" ADD COLUMN "senderEmail" TEXT;
ALTER TABLE "Envelope" ADD COLUMN "expiresAt" DATETIME;
ALTER TABLE "Envelope" ADD COLUMN "detailsReadAt" DATETIME;
ALTER TABLE "Envelope" ADD COLUMN "isTest" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Envelope" ADD COLUMN "waitingOnEmail" TEXT;
ALTER TABLE "Envelope" ADD COLUMN "waitingOnName" TEXT;
ALTER TABLE "Envelope" ADD COLUMN "waitingSince" DATETIME;

-- CreateIndex
CREATE INDEX "Envelope_sentAt_id_idx" ON "Envelope"("sentAt", "id");

-- CreateIndex
CREATE INDEX "Envelope_expiresAt_id_idx" ON "Envelope"("expiresAt", "id");

-- Test notifications from Setup made envelopes whose id starts with "test-".
UPDATE "Envelope" SET "isTest" = true WHERE substr("id", 1, 5) = 'test-';
