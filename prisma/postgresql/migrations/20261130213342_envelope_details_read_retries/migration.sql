-- AlterTable
ALTER TABLE "Envelope" ADD COLUMN     "detailsNextReadAt" TIMESTAMP(3),
ADD COLUMN     "detailsReadFailures" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Envelope_detailsReadAt_firstSeenAt_idx" ON "Envelope"("detailsReadAt", "firstSeenAt");
