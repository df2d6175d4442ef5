-- CreateIndex
CREATE INDEX "Envelope_reconciliation_idx" ON "Envelope"("reconciliation");
