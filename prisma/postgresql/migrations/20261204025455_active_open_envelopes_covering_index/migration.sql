-- The open envelopes active since a moment, tests left out, are counted from the (status, lastEventAt, id) index
-- alone once it holds isTest too: reading each row for its test flag grew with the envelopes active in the period.

-- DropIndex
DROP INDEX "Envelope_status_lastEventAt_id_idx";

-- CreateIndex
CREATE INDEX "Envelope_status_lastEventAt_id_isTest_idx" ON "Envelope"("status", "lastEventAt", "id", "isTest");
