-- CreateTable
CREATE TABLE "FeedEvent" (
    "position" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "hookId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "FeedEvent_pkey" PRIMARY KEY ("position")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedEvent_id_key" ON "FeedEvent"("id");

-- CreateIndex
CREATE INDEX "FeedEvent_envelopeId_position_idx" ON "FeedEvent"("envelopeId", "position");

-- CreateIndex
CREATE INDEX "FeedEvent_type_position_idx" ON "FeedEvent"("type", "position");

-- CreateIndex
CREATE INDEX "FeedEvent_recordedAt_idx" ON "FeedEvent"("recordedAt");
