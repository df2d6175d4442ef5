-- CreateTable
CREATE TABLE "FeedEvent" (
    "position" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "hookId" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "data" JSONB NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedEvent_id_key" ON "FeedEvent"("id");

-- CreateIndex
CREATE INDEX "FeedEvent_envelopeId_position_idx" ON "FeedEvent"("envelopeId", "position");

-- CreateIndex
CREATE INDEX "FeedEvent_type_position_idx" ON "FeedEvent"("type", "position");

-- CreateIndex
CREATE INDEX "FeedEvent_recordedAt_idx" ON "FeedEvent"("recordedAt");
