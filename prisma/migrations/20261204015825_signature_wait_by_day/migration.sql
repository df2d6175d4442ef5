-- SignatureWait.finishedDay: the UTC day of finishedAt, filled in from it for the waits already folded (ISO text, or
-- milliseconds in a database written with the unixepoch-ms timestamp format), and an index of each day's waits
-- longest first for the slowest recipients. The old (seconds, finishedAt) index goes: nothing reads it any more.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignatureWait" (
    "recipientId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "finishedAt" DATETIME NOT NULL,
    "finishedDay" INTEGER NOT NULL,
    "seconds" INTEGER NOT NULL
);
INSERT INTO "new_SignatureWait" ("email", "envelopeId", "finishedAt", "finishedDay", "name", "recipientId", "seconds")
SELECT "email", "envelopeId", "finishedAt",
  (CASE WHEN typeof("finishedAt") IN ('integer', 'real') THEN CAST("finishedAt" / 1000 AS INTEGER) ELSE CAST(strftime('%s', "finishedAt") AS INTEGER) END) / 86400,
  "name", "recipientId", "seconds" FROM "SignatureWait";
DROP TABLE "SignatureWait";
ALTER TABLE "new_SignatureWait" RENAME TO "SignatureWait";
CREATE INDEX "SignatureWait_envelopeId_idx" ON "SignatureWait"("envelopeId");
CREATE INDEX "SignatureWait_finishedDay_seconds_finishedAt_recipientId_idx" ON "SignatureWait"("finishedDay", "seconds", "finishedAt", "recipientId");
CREATE INDEX "SignatureWait_email_finishedAt_idx" ON "SignatureWait"("email", "finishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
