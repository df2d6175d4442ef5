-- DropIndex
DROP INDEX "SubscriptionDelivery_status_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "SubscriptionDelivery_status_nextAttemptAt_eventPosition_idx" ON "SubscriptionDelivery"("status", "nextAttemptAt", "eventPosition");
