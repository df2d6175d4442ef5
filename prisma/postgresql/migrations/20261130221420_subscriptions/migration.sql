-- CreateEnum
CREATE TYPE "SubscriptionDeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "types" JSONB NOT NULL,
    "description" TEXT,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "dispatchedPosition" INTEGER NOT NULL,
    "failingSince" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionDelivery" (
    "id" SERIAL NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventPosition" INTEGER NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "status" "SubscriptionDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubscriptionDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionAttempt" (
    "id" SERIAL NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "responseExcerpt" TEXT,

    CONSTRAINT "SubscriptionAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Subscription_disabledAt_idx" ON "Subscription"("disabledAt");

-- CreateIndex
CREATE INDEX "SubscriptionDelivery_status_nextAttemptAt_idx" ON "SubscriptionDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SubscriptionDelivery_subscriptionId_envelopeId_eventPositio_idx" ON "SubscriptionDelivery"("subscriptionId", "envelopeId", "eventPosition");

-- CreateIndex
CREATE INDEX "SubscriptionDelivery_createdAt_idx" ON "SubscriptionDelivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionDelivery_subscriptionId_eventId_key" ON "SubscriptionDelivery"("subscriptionId", "eventId");

-- CreateIndex
CREATE INDEX "SubscriptionAttempt_subscriptionId_attemptedAt_idx" ON "SubscriptionAttempt"("subscriptionId", "attemptedAt");

-- CreateIndex
CREATE INDEX "SubscriptionAttempt_attemptedAt_idx" ON "SubscriptionAttempt"("attemptedAt");

-- AddForeignKey
ALTER TABLE "SubscriptionDelivery" ADD CONSTRAINT "SubscriptionDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionAttempt" ADD CONSTRAINT "SubscriptionAttempt_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
