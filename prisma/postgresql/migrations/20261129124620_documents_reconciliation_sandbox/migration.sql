-- CreateEnum
CREATE TYPE "ReconciliationState" AS ENUM ('not_checked', 'pending', 'confirmed', 'mismatch', 'updated', 'failed');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('signed', 'auditTrail');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('none', 'pending', 'fetching', 'stored', 'failed');

-- AlterEnum
ALTER TYPE "EnvelopeStatus" ADD VALUE 'canceled';

-- AlterTable
ALTER TABLE "Envelope" ADD COLUMN     "finishCallbackAt" TIMESTAMP(3),
ADD COLUMN     "nextReconcileAt" TIMESTAMP(3),
ADD COLUMN     "providerStatus" TEXT,
ADD COLUMN     "reconciledAt" TIMESTAMP(3),
ADD COLUMN     "reconciliation" "ReconciliationState" NOT NULL DEFAULT 'not_checked',
ADD COLUMN     "reconciliationError" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'notification';

-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "name" TEXT;

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "providerFileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "pageCount" INTEGER,
    "storage" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentContent" (
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentContent_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "DocumentFetch" (
    "envelopeId" TEXT NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentFetch_pkey" PRIMARY KEY ("envelopeId")
);

-- CreateTable
CREATE TABLE "SandboxEnvelope" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "sentAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxEnvelope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxRecipient" (
    "id" SERIAL NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "recipientOrder" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Pending',
    "openedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "statusReason" TEXT,

    CONSTRAINT "SandboxRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxEvent" (
    "id" SERIAL NOT NULL,
    "envelopeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "recipientOrder" INTEGER,

    CONSTRAINT "SandboxEvent_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Envelope_nextReconcileAt_idx" ON "Envelope"("nextReconcileAt");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFetch" ADD CONSTRAINT "DocumentFetch_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "Envelope"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxRecipient" ADD CONSTRAINT "SandboxRecipient_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "SandboxEnvelope"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxEvent" ADD CONSTRAINT "SandboxEvent_envelopeId_fkey" FOREIGN KEY ("envelopeId") REFERENCES "SandboxEnvelope"("id") ON DELETE CASCADE ON UPDATE CASCADE;
