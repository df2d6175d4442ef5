-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN "name" TEXT;

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "envelopeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "providerFileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "pageCount" INTEGER,
    "storage" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    CONSTRAINT "Document_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentContent" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DocumentFetch" (
    "envelopeId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "lastAttemptAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DocumentFetch_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SandboxEnvelope" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "sentAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SandboxRecipient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL,
    "recipientOrder" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Pending',
    "openedAt" DATETIME,
    "finishedAt" DATETIME,
    "statusReason" TEXT,
    CONSTRAINT "SandboxRecipient_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "SandboxEnvelope" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SandboxEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "recipientOrder" INTEGER,
    CONSTRAINT "SandboxEvent_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "SandboxEnvelope" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Envelope" (
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
    "finishCallbackAt" DATETIME,
    "reconciliation" TEXT NOT NULL DEFAULT 'not_checked',
    "providerStatus" TEXT,
    "reconciledAt" DATETIME,
    "reconciliationError" TEXT,
    "nextReconcileAt" DATETIME,
    CONSTRAINT "Envelope_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "Hook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Envelope" ("actionRequired", "customValues", "finishedAt", "firstOpenedAt", "firstSeenAt", "hookId", "id", "lastAction", "lastEventAt", "recipientCount", "searchText", "signedCount", "status") SELECT "actionRequired", "customValues", "finishedAt", "firstOpenedAt", "firstSeenAt", "hookId", "id", "lastAction", "lastEventAt", "recipientCount", "searchText", "signedCount", "status" FROM "Envelope";
DROP TABLE "Envelope";
ALTER TABLE "new_Envelope" RENAME TO "Envelope";
CREATE INDEX "Envelope_lastEventAt_id_idx" ON "Envelope"("lastEventAt", "id");
CREATE INDEX "Envelope_status_lastEventAt_id_idx" ON "Envelope"("status", "lastEventAt", "id");
CREATE INDEX "Envelope_hookId_lastEventAt_id_idx" ON "Envelope"("hookId", "lastEventAt", "id");
CREATE INDEX "Envelope_nextReconcileAt_idx" ON "Envelope"("nextReconcileAt");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL,
    "deliveryId" TEXT,
    "action" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "recipientEmail" TEXT,
    "recipientOrder" INTEGER,
    "isFinishCallback" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'notification',
    "customValues" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "lastDuplicateAt" DATETIME,
    CONSTRAINT "Event_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("action", "customValues", "dedupeKey", "deliveryId", "duplicateCount", "envelopeId", "id", "isFinishCallback", "lastDuplicateAt", "occurredAt", "recipientEmail", "recipientOrder") SELECT "action", "customValues", "dedupeKey", "deliveryId", "duplicateCount", "envelopeId", "id", "isFinishCallback", "lastDuplicateAt", "occurredAt", "recipientEmail", "recipientOrder" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_envelopeId_occurredAt_idx" ON "Event"("envelopeId", "occurredAt");
CREATE UNIQUE INDEX "Event_envelopeId_dedupeKey_key" ON "Event"("envelopeId", "dedupeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Document_sha256_idx" ON "Document"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Document_envelopeId_providerFileId_key" ON "Document"("envelopeId", "providerFileId");

-- CreateIndex
CREATE INDEX "DocumentFetch_status_nextAttemptAt_idx" ON "DocumentFetch"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxRecipient_envelopeId_recipientOrder_key" ON "SandboxRecipient"("envelopeId", "recipientOrder");

-- CreateIndex
CREATE INDEX "SandboxEvent_envelopeId_createdAt_idx" ON "SandboxEvent"("envelopeId", "createdAt");
