-- CreateTable
CREATE TABLE "RollupChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "EnvelopeRollup" (
    "envelopeId" TEXT NOT NULL PRIMARY KEY,
    "hookId" TEXT NOT NULL,
    "isTest" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "funnelStages" INTEGER NOT NULL,
    "completedAt" DATETIME,
    "completionSeconds" INTEGER
);

-- CreateTable
CREATE TABLE "StatusCount" (
    "hookId" TEXT NOT NULL,
    "isTest" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("hookId", "isTest", "status")
);

-- CreateTable
CREATE TABLE "InsightQuarter" (
    "quarter" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "invited" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "signed" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "expired" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "CompletionDurationDay" (
    "day" INTEGER NOT NULL,
    "range" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("day", "range")
);

-- CreateTable
CREATE TABLE "SignatureWait" (
    "recipientId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "envelopeId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "finishedAt" DATETIME NOT NULL,
    "seconds" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "EnvelopeRollup_firstSeenAt_idx" ON "EnvelopeRollup"("firstSeenAt");

-- CreateIndex
CREATE INDEX "EnvelopeRollup_completedAt_completionSeconds_idx" ON "EnvelopeRollup"("completedAt", "completionSeconds");

-- CreateIndex
CREATE INDEX "EnvelopeRollup_completionSeconds_completedAt_idx" ON "EnvelopeRollup"("completionSeconds", "completedAt");

-- CreateIndex
CREATE INDEX "SignatureWait_envelopeId_idx" ON "SignatureWait"("envelopeId");

-- CreateIndex
CREATE INDEX "SignatureWait_seconds_finishedAt_idx" ON "SignatureWait"("seconds", "finishedAt");

-- CreateIndex
CREATE INDEX "SignatureWait_email_finishedAt_idx" ON "SignatureWait"("email", "finishedAt");

-- Any write that changes what an envelope counts for marks it for the fold, in the same transaction, whichever code
-- made it (ingest, reconciliation, replays, purges, a hand-run statement). Writes that touch none of these columns
-- (most notifications only move lastEventAt) add nothing. Prisma cannot model triggers; the schema engine leaves
-- them alone.
CREATE TRIGGER "Envelope_rollup_insert" AFTER INSERT ON "Envelope" BEGIN
  INSERT INTO "RollupChange" ("envelopeId") VALUES (new."id");
END;

CREATE TRIGGER "Envelope_rollup_update"
AFTER UPDATE OF "id", "hookId", "isTest", "status", "firstSeenAt", "firstOpenedAt", "finishedAt", "signedCount" ON "Envelope"
WHEN old."id" IS NOT new."id" OR old."hookId" IS NOT new."hookId" OR old."isTest" IS NOT new."isTest"
  OR old."status" IS NOT new."status" OR old."firstSeenAt" IS NOT new."firstSeenAt"
  OR old."firstOpenedAt" IS NOT new."firstOpenedAt" OR old."finishedAt" IS NOT new."finishedAt"
  OR old."signedCount" IS NOT new."signedCount"
BEGIN
  INSERT INTO "RollupChange" ("envelopeId") VALUES (new."id");
  INSERT INTO "RollupChange" ("envelopeId") SELECT old."id" WHERE old."id" IS NOT new."id";
END;

CREATE TRIGGER "Envelope_rollup_delete" AFTER DELETE ON "Envelope" BEGIN
  INSERT INTO "RollupChange" ("envelopeId") VALUES (old."id");
END;

-- A recipient counts only once signed (SignatureWait).
CREATE TRIGGER "Recipient_rollup_insert" AFTER INSERT ON "Recipient" WHEN new."finishedAt" IS NOT NULL BEGIN
  INSERT INTO "RollupChange" ("envelopeId") VALUES (new."envelopeId");
END;

CREATE TRIGGER "Recipient_rollup_update"
AFTER UPDATE OF "envelopeId", "email", "name", "invitedAt", "firstOpenedAt", "finishedAt" ON "Recipient"
WHEN (old."finishedAt" IS NOT NULL OR new."finishedAt" IS NOT NULL) AND (old."envelopeId" IS NOT new."envelopeId"
  OR old."email" IS NOT new."email" OR old."name" IS NOT new."name" OR old."invitedAt" IS NOT new."invitedAt"
  OR old."firstOpenedAt" IS NOT new."firstOpenedAt" OR old."finishedAt" IS NOT new."finishedAt")
BEGIN
  INSERT INTO "RollupChange" ("envelopeId") VALUES (new."envelopeId");
  INSERT INTO "RollupChange" ("envelopeId") SELECT old."envelopeId" WHERE old."envelopeId" IS NOT new."envelopeId";
END;

CREATE TRIGGER "Recipient_rollup_delete" AFTER DELETE ON "Recipient" WHEN old."finishedAt" IS NOT NULL BEGIN
  INSERT INTO "RollupChange" ("envelopeId") VALUES (old."envelopeId");
END;

-- Envelopes stored before this migration are folded in by the server's background fold (until it has caught up,
-- counts and Insights are read from the envelopes themselves).
INSERT INTO "RollupChange" ("envelopeId") SELECT "id" FROM "Envelope";
