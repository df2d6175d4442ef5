-- CreateEnum
CREATE TYPE "DeliveryOutcome" AS ENUM ('accepted', 'duplicate', 'rejected');

-- CreateEnum
CREATE TYPE "EnvelopeStatus" AS ENUM ('sent', 'opened', 'partially_signed', 'completed', 'rejected', 'expired');

-- CreateTable
CREATE TABLE "Hook" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "signingSecret" TEXT,
    "allowedNetworks" JSONB NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'dashboard',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Hook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "hookId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "method" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "body" TEXT,
    "contentType" TEXT,
    "headers" JSONB NOT NULL,
    "sourceAddress" TEXT,
    "outcome" "DeliveryOutcome" NOT NULL,
    "reason" TEXT,
    "errorCode" TEXT,
    "envelopeId" TEXT,
    "action" TEXT,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Envelope" (
    "id" TEXT NOT NULL,
    "hookId" TEXT NOT NULL,
    "status" "EnvelopeStatus" NOT NULL DEFAULT 'sent',
    "actionRequired" BOOLEAN NOT NULL DEFAULT false,
    "customValues" JSONB NOT NULL,
    "searchText" TEXT NOT NULL,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "signedCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "firstOpenedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3) NOT NULL,
    "lastAction" TEXT NOT NULL,

    CONSTRAINT "Envelope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" SERIAL NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "recipientOrder" INTEGER,
    "email" TEXT,
    "invitedAt" TIMESTAMP(3),
    "firstOpenedAt" TIMESTAMP(3),
    "openCount" INTEGER NOT NULL DEFAULT 0,
    "finishedAt" TIMESTAMP(3),
    "rejectedAt" TIMESTAMP(3),
    "delegatedAt" TIMESTAMP(3),

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "deliveryId" TEXT,
    "action" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "recipientEmail" TEXT,
    "recipientOrder" INTEGER,
    "isFinishCallback" BOOLEAN NOT NULL DEFAULT false,
    "customValues" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "lastDuplicateAt" TIMESTAMP(3),

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "Hook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Envelope" ADD CONSTRAINT "Envelope_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "Hook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;
