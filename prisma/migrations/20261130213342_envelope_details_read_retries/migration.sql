-- Written by hand as ADD COLUMN: the engine's table rebuild would drop the envelope search's FTS5 triggers.
ALTER TABLE "Envelope" ADD COLUMN "detailsNextReadAt" DATETIME;
ALTER TABLE "Envelope" ADD COLUMN "detailsReadFailures" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Envelope_detailsReadAt_firstSeenAt_idx" ON "Envelope"("detailsReadAt", "firstSeenAt");
