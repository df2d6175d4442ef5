-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "replayOfId" TEXT;
