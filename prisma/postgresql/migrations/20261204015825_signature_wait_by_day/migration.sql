-- SignatureWait.finishedDay: the UTC day of finishedAt ("finishedAt" holds UTC wall time), filled in from it for the
-- waits already folded, and an index of each day's waits longest first for the slowest recipients. The old (seconds,
-- finishedAt) index goes: nothing reads it any more. (No semicolons in these comments: the runner splits on them.)
-- DropIndex
DROP INDEX "SignatureWait_seconds_finishedAt_idx";

-- AlterTable
ALTER TABLE "SignatureWait" ADD COLUMN "finishedDay" INTEGER;
UPDATE "SignatureWait" SET "finishedDay" = CAST(FLOOR(EXTRACT(EPOCH FROM "finishedAt") / 86400) AS INTEGER);
ALTER TABLE "SignatureWait" ALTER COLUMN "finishedDay" SET NOT NULL;

-- CreateIndex
CREATE INDEX "SignatureWait_finishedDay_seconds_finishedAt_recipientId_idx" ON "SignatureWait"("finishedDay", "seconds", "finishedAt", "recipientId");
