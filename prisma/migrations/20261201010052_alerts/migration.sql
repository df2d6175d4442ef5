-- CreateTable
CREATE TABLE "AlertChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "sendsAlerts" BOOLEAN NOT NULL DEFAULT true,
    "digestTime" TEXT,
    "digestTimeZone" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "hookId" TEXT,
    "customValueKey" TEXT,
    "customValue" TEXT,
    "afterMinutes" INTEGER,
    "threshold" INTEGER,
    "windowMinutes" INTEGER,
    "pausedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "startPosition" INTEGER NOT NULL,
    "checkedUntil" DATETIME
);

-- CreateTable
CREATE TABLE "AlertRuleChannel" (
    "ruleId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,

    PRIMARY KEY ("ruleId", "channelId"),
    CONSTRAINT "AlertRuleChannel_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlertRuleChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ruleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "openKey" TEXT,
    "envelopeId" TEXT,
    "hookId" TEXT,
    "raisedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
    "alertId" INTEGER,
    "ruleId" TEXT,
    "kind" TEXT NOT NULL,
    "envelopeId" TEXT,
    "subjectKey" TEXT,
    "digestDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "AlertDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlertDelivery_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deliveryId" INTEGER NOT NULL,
    "attemptedAt" DATETIME NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "error" TEXT,
    CONSTRAINT "AlertAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "AlertDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertEvaluator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "feedPosition" INTEGER NOT NULL,
    "timedCheckAt" DATETIME
);

-- CreateIndex
CREATE INDEX "AlertRuleChannel_channelId_idx" ON "AlertRuleChannel"("channelId");

-- CreateIndex
CREATE INDEX "Alert_envelopeId_raisedAt_idx" ON "Alert"("envelopeId", "raisedAt");

-- CreateIndex
CREATE INDEX "Alert_raisedAt_idx" ON "Alert"("raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_ruleId_openKey_key" ON "Alert"("ruleId", "openKey");

-- CreateIndex
CREATE INDEX "AlertDelivery_status_nextAttemptAt_idx" ON "AlertDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_channelId_ruleId_subjectKey_createdAt_idx" ON "AlertDelivery"("channelId", "ruleId", "subjectKey", "createdAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_createdAt_idx" ON "AlertDelivery"("createdAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_envelopeId_idx" ON "AlertDelivery"("envelopeId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_channelId_digestDate_key" ON "AlertDelivery"("channelId", "digestDate");

-- CreateIndex
CREATE INDEX "AlertAttempt_deliveryId_idx" ON "AlertAttempt"("deliveryId");

-- CreateIndex
CREATE INDEX "Envelope_status_waitingSince_idx" ON "Envelope"("status", "waitingSince");
