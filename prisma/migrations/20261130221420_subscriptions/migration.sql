-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "types" JSONB NOT NULL,
    "description" TEXT,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretUntil" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "dispatchedPosition" INTEGER NOT NULL,
    "failingSince" DATETIME,
    "disabledAt" DATETIME,
    "disabledReason" TEXT
);

-- CreateTable
CREATE TABLE "SubscriptionDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subscriptionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventPosition" INTEGER NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastAttemptAt" DATETIME,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "SubscriptionDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubscriptionAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subscriptionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "attemptedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "responseExcerpt" TEXT,
    CONSTRAINT "SubscriptionAttempt_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Subscription_disabledAt_idx" ON "Subscription"("disabledAt");

-- CreateIndex
CREATE INDEX "SubscriptionDelivery_status_nextAttemptAt_idx" ON "SubscriptionDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SubscriptionDelivery_subscriptionId_envelopeId_eventPosition_idx" ON "SubscriptionDelivery"("subscriptionId", "envelopeId", "eventPosition");

-- CreateIndex
CREATE INDEX "SubscriptionDelivery_createdAt_idx" ON "SubscriptionDelivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionDelivery_subscriptionId_eventId_key" ON "SubscriptionDelivery"("subscriptionId", "eventId");

-- CreateIndex
CREATE INDEX "SubscriptionAttempt_subscriptionId_attemptedAt_idx" ON "SubscriptionAttempt"("subscriptionId", "attemptedAt");

-- CreateIndex
CREATE INDEX "SubscriptionAttempt_attemptedAt_idx" ON "SubscriptionAttempt"("attemptedAt");
