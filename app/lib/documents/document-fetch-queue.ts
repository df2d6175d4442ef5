import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { appendFeedEvents } from '@/app/lib/feed/append-feed-events';
import type { StoredFeedEventData } from '@/app/lib/feed/feed-event-data';
import { newFeedEventId } from '@/app/lib/feed/new-feed-event-id';

// The DocumentFetch table is the queue. Every change of hands is one conditional UPDATE, which
// SQLite and PostgreSQL both run atomically: of several instances racing for a job, exactly one
// sees its row change. Status values are written as SQL literals, which PostgreSQL reads as its enum.

type Db = Transaction | typeof prisma;

export type ClaimedFetch = { envelopeId: string; token: string; attempts: number };

/**
 * A DocumentFetch row whose job may be taken at `now`: due (pending or failed, and its time has come) and not leased,
 * or left `fetching` by an instance whose lease ran out (a crash or restart). In parentheses, ready to be ANDed.
 */
function isClaimable(now: Date): Prisma.Sql {
  return Prisma.sql`(("status" IN ('pending', 'failed') AND "nextAttemptAt" IS NOT NULL AND "nextAttemptAt" <= ${now}
      AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${now}))
    OR ("status" = 'fetching' AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${now})))`;
}

/** Adds the job for a completed envelope unless it already has one; due at once. */
export async function ensureDocumentFetch(db: Db, envelopeId: string, now: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "DocumentFetch" ("envelopeId", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
    VALUES (${envelopeId}, 'pending', 0, ${now}, ${now}, ${now})
    ON CONFLICT ("envelopeId") DO NOTHING`;
}

/**
 * Takes the job if it is due (pending or failed and its time has come) or was left `fetching` by an
 * instance whose lease ran out (a crash or restart). Counts the attempt.
 */
export async function claimDocumentFetch(options: {
  envelopeId: string;
  token: string;
  now: Date;
  leaseMs: number;
}): Promise<ClaimedFetch | null> {
  const { envelopeId, token, now } = options;
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const changed = await prisma.$executeRaw`
    UPDATE "DocumentFetch"
    SET "status" = 'fetching', "leaseOwner" = ${token}, "leaseExpiresAt" = ${leaseUntil},
      "attempts" = "attempts" + 1, "lastAttemptAt" = ${now}, "updatedAt" = ${now}
    WHERE "envelopeId" = ${envelopeId} AND ${isClaimable(now)}`;
  if (changed !== 1) return null;
  const row = await prisma.documentFetch.findUnique({
    where: { envelopeId },
    select: { attempts: true, leaseOwner: true },
  });
  if (!row || row.leaseOwner !== token) return null;
  return { envelopeId, token, attempts: row.attempts };
}

/** Extends a held lease; false when it was lost (it ran out and another instance took the job). */
export async function renewDocumentFetchLease(claim: ClaimedFetch, now: Date, leaseMs: number): Promise<boolean> {
  const changed = await prisma.$executeRaw`
    UPDATE "DocumentFetch" SET "leaseExpiresAt" = ${new Date(now.getTime() + leaseMs)}, "updatedAt" = ${now}
    WHERE "envelopeId" = ${claim.envelopeId} AND "leaseOwner" = ${claim.token} AND "status" = 'fetching'`;
  return changed === 1;
}

/**
 * Marks the job done; when this attempt stored files, `documents.stored` goes to the change feed in the same
 * transaction, listing every stored file of the envelope. False when the lease was lost.
 */
export async function completeDocumentFetch(claim: ClaimedFetch, now: Date, storedFiles = 0): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "DocumentFetch"
      SET "status" = 'stored', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "nextAttemptAt" = NULL,
        "lastError" = NULL, "updatedAt" = ${now}
      WHERE "envelopeId" = ${claim.envelopeId} AND "leaseOwner" = ${claim.token}`;
    if (changed !== 1) return false;
    if (storedFiles > 0) {
      const documents = await tx.document.findMany({
        where: { envelopeId: claim.envelopeId },
        orderBy: [{ fetchedAt: 'asc' }, { id: 'asc' }],
        select: { id: true, kind: true, fileName: true, sha256: true, byteSize: true },
      });
      await appendDocumentEvent(tx, claim.envelopeId, now, 'documents.stored', {
        documents: documents.map(({ byteSize, ...document }) => ({ ...document, size: byteSize })),
      });
    }
    return true;
  });
}

/**
 * Records a failed attempt; `nextAttemptAt` null means no retry is scheduled, which the change feed hears as
 * `documents.failed` (in the same transaction).
 */
export async function failDocumentFetch(
  claim: ClaimedFetch,
  options: { now: Date; error: string; nextAttemptAt: Date | null },
): Promise<boolean> {
  const error = options.error.slice(0, 2000);
  return prisma.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "DocumentFetch"
      SET "status" = 'failed', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "nextAttemptAt" = ${options.nextAttemptAt},
        "lastError" = ${error}, "updatedAt" = ${options.now}
      WHERE "envelopeId" = ${claim.envelopeId} AND "leaseOwner" = ${claim.token}`;
    if (changed !== 1) return false;
    if (options.nextAttemptAt === null) {
      await appendDocumentEvent(tx, claim.envelopeId, options.now, 'documents.failed', { error });
    }
    return true;
  });
}

/** A document event of the change feed, with the envelope as it stands. */
async function appendDocumentEvent(
  tx: Transaction,
  envelopeId: string,
  now: Date,
  type: 'documents.stored' | 'documents.failed',
  own: Pick<StoredFeedEventData, 'documents' | 'error'>,
) {
  const envelope = await tx.envelope.findUnique({
    where: { id: envelopeId },
    select: { hookId: true, status: true, customValues: true, isTest: true },
  });
  if (!envelope) return;
  await appendFeedEvents(tx, [
    {
      id: newFeedEventId(),
      type,
      envelopeId,
      hookId: envelope.hookId,
      occurredAt: now,
      recordedAt: now,
      data: {
        envelopeId,
        status: envelope.status,
        previousStatus: null,
        // The files (or the failure) came from the signing service itself.
        confirmed: true,
        customValues: parseStringRecord(envelope.customValues),
        ...own,
        ...(envelope.isTest ? { test: true as const } : {}),
        occurredAt: now.toISOString(),
      },
    },
  ]);
}

/** Limits a sweep to some envelopes (tests share one database); no limit when undefined. */
export function envelopeScope(column: Prisma.Sql, envelopeIds: string[] | undefined): Prisma.Sql {
  if (envelopeIds === undefined) return Prisma.sql`1 = 1`;
  if (envelopeIds.length === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`${column} IN (${Prisma.join(envelopeIds)})`;
}

/** Envelopes whose job could be claimed now, oldest due first. */
export async function findDueDocumentFetches(now: Date, limit: number, envelopeIds?: string[]): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ envelopeId: string }[]>`
    SELECT "envelopeId" FROM "DocumentFetch"
    WHERE ${isClaimable(now)}
      AND ${envelopeScope(Prisma.sql`"envelopeId"`, envelopeIds)}
    ORDER BY "nextAttemptAt" ASC
    LIMIT ${limit}`;
  return rows.map((row) => row.envelopeId);
}

/**
 * Completed envelopes that have no job, e.g. when the process stopped between a finish callback
 * and creating the job, or when documents were switched on after they completed. Only recent
 * ones: turning the feature on must not download the whole history unasked ("retry now" can).
 */
export async function scheduleMissingDocumentFetches(
  now: Date,
  sinceMs: number,
  limit: number,
  envelopeIds?: string[],
): Promise<number> {
  const since = new Date(now.getTime() - sinceMs);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "Envelope" e
    LEFT JOIN "DocumentFetch" f ON f."envelopeId" = e."id"
    WHERE e."status" = 'completed' AND f."envelopeId" IS NULL AND e."finishedAt" >= ${since}
      AND ${envelopeScope(Prisma.sql`e."id"`, envelopeIds)}
    LIMIT ${limit}`;
  for (const row of rows) await ensureDocumentFetch(prisma, row.id, now);
  return rows.length;
}
