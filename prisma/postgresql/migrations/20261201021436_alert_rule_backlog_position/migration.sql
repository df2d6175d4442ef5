-- AlterTable
ALTER TABLE "AlertRule" ADD COLUMN     "checkedAfterId" TEXT;
