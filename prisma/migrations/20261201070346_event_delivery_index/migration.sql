-- CreateIndex
CREATE INDEX "Event_deliveryId_idx" ON "Event"("deliveryId");
