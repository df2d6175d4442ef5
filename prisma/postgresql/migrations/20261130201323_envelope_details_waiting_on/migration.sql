-- AlterTable
ALTER TABLE "Envelope" ADD COLUMN     "detailsReadAt" TIMESTAMP(3),
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "isTest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "senderEmail" TEXT,
ADD COLUMN     "senderName" TEXT,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "waitingOnEmail" TEXT,
ADD COLUMN     "waitingOnName" TEXT,
ADD COLUMN     "waitingSince" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Envelope_sentAt_id_idx" ON "Envelope"("sentAt", "id");

-- CreateIndex
CREATE INDEX "Envelope_expiresAt_id_idx" ON "Envelope"("expiresAt", "id");

-- Test notifications from Setup made envelopes whose id starts with "test-".
UPDATE "Envelope" SET "isTest" = true WHERE substr("id", 1, 5) = 'test-';
