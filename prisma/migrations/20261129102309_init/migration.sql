-- CreateTable
CREATE TABLE "Hook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "signingSecret" TEXT,
    "allowedNetworks" JSONB NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'dashboard',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hookId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "method" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "body" TEXT,
    "contentType" TEXT,
    "headers" JSONB NOT NULL,
    "sourceAddress" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "errorCode" TEXT,
    "envelopeId" TEXT,
    "action" TEXT,
    CONSTRAINT "Delivery_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "Hook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Envelope" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hookId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "actionRequired" BOOLEAN NOT NULL DEFAULT false,
    "customValues" JSONB NOT NULL,
    "searchText" TEXT NOT NULL,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "signedCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" DATETIME NOT NULL,
    "firstOpenedAt" DATETIME,
    "finishedAt" DATETIME,
    "lastEventAt" DATETIME NOT NULL,
    "lastAction" TEXT NOT NULL,
    CONSTRAINT "Envelope_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "Hook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "recipientOrder" INTEGER,
    "email" TEXT,
    "invitedAt" DATETIME,
    "firstOpenedAt" DATETIME,
    "openCount" INTEGER NOT NULL DEFAULT 0,
    "finishedAt" DATETIME,
    "rejectedAt" DATETIME,
    "delegatedAt" DATETIME,
    CONSTRAINT "Recipient_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL,
    "deliveryId" TEXT,
    "action" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "recipientEmail" TEXT,
    "recipientOrder" INTEGER,
    "isFinishCallback" BOOLEAN NOT NULL DEFAULT false,
    "customValues" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "lastDuplicateAt" DATETIME,
    CONSTRAINT "Event_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Delivery_receivedAt_id_idx" ON "Delivery"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "Delivery_hookId_receivedAt_id_idx" ON "Delivery"("hookId", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Delivery_outcome_receivedAt_id_idx" ON "Delivery"("outcome", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Delivery_envelopeId_idx" ON "Delivery"("envelopeId");

-- CreateIndex
CREATE INDEX "Envelope_lastEventAt_id_idx" ON "Envelope"("lastEventAt", "id");

-- CreateIndex
CREATE INDEX "Envelope_status_lastEventAt_id_idx" ON "Envelope"("status", "lastEventAt", "id");

-- CreateIndex
CREATE INDEX "Envelope_hookId_lastEventAt_id_idx" ON "Envelope"("hookId", "lastEventAt", "id");

-- CreateIndex
CREATE INDEX "Recipient_email_idx" ON "Recipient"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Recipient_envelopeId_key_key" ON "Recipient"("envelopeId", "key");

-- CreateIndex
CREATE INDEX "Event_envelopeId_occurredAt_idx" ON "Event"("envelopeId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Event_envelopeId_dedupeKey_key" ON "Event"("envelopeId", "dedupeKey");
