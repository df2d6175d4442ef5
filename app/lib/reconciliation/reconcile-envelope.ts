import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import { isRetryableDatabaseError } from '@/app/lib/db/is-retryable-database-error';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { ensureDocumentFetch } from '@/app/lib/documents/document-fetch-queue';
import { getEnvironment } from '@/app/lib/env';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import {
  describeProviderError,
  ProviderError,
  type ProviderEnvelope,
  type SigningProvider,
} from '@/app/lib/signing/signing-provider';
import {
  decideAfterFailure,
  decideReconciliation,
  reconciliationTransitions,
  type ReconciliationDecision,
} from '@/app/lib/envelopes/lifecycle/decide-reconciliation';
import { deriveEnvelopeFields } from '@/app/lib/envelopes/lifecycle/envelope-derived-fields';
import { appendFeedEvents } from '@/app/lib/feed/append-feed-events';
import { feedEventsFromTransitions, type FeedEnvelopeSnapshot } from '@/app/lib/feed/feed-events-from-transitions';
import { isFinalStatus, OPEN_STATUSES, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import type { EnvelopeTransition } from '@/app/lib/envelopes/lifecycle/envelope-transitions';
import { statusListSql } from '@/app/lib/envelopes/lifecycle/status-sql';
import { enrichRecipients } from './enrich-recipients';
import { envelopeDetailsColumns } from './envelope-details';
import { readExpiration } from './refresh-envelope-details';

export type ReconcileOutcome =
  | { ran: false }
  | {
      ran: true;
      reconciliation: ReconciliationDecision['reconciliation'];
      fetchDocuments: boolean;
      /** What the signing service's answer changed, as the lifecycle names it (stored in the same transaction). */
      transitions: EnvelopeTransition[];
    };

/** How long a claimed check may take before another instance may take it over: well over one request. */
function claimMs(): number {
  return Math.max(120_000, 3 * getEnvironment().DOCUMENT_FETCH_TIMEOUT_SECONDS * 1000);
}

export function reconcileAfterMs(): number {
  return getEnvironment().RECONCILE_AFTER_HOURS * 3_600_000;
}

/**
 * Asks the signing service for the envelope's status if a check is due (a finish callback to
 * confirm, a failed or disagreeing check to repeat, or an envelope idle for RECONCILE_AFTER_HOURS)
 * and this process wins the claim, then records what it said, the envelope's name, sender and dates included.
 */
export async function reconcileEnvelope(options: {
  envelopeId: string;
  provider?: SigningProvider | null;
  now?: () => Date;
  reconcileAfterMs?: number;
}): Promise<ReconcileOutcome> {
  const provider = options.provider === undefined ? getSigningProvider() : options.provider;
  if (!provider?.confirmsStatus) return { ran: false };
  const now = options.now ?? (() => new Date());
  const idleMs = options.reconcileAfterMs ?? reconcileAfterMs();
  const { envelopeId } = options;

  if (!(await claimReconciliation(envelopeId, now(), idleMs))) return { ran: false };

  let remote: ProviderEnvelope;
  try {
    remote = await provider.getEnvelope(envelopeId);
  } catch (error) {
    if (!(error instanceof ProviderError)) console.error(`Asking about envelope ${envelopeId} failed:`, error);
    const unknownToProvider = error instanceof ProviderError && error.code === 'not_found';
    const failure = await recordFailure(envelopeId, now(), describeProviderError(error), unknownToProvider);
    return {
      ran: true,
      reconciliation: failure.reconciliation,
      fetchDocuments: false,
      transitions: failure.transitions,
    };
  }
  // The expiry is a detail: a configuration the service cannot give keeps the stored one and fails nothing.
  const expiresAt = await readExpiration(provider, envelopeId);
  const answer = await recordAnswer(envelopeId, remote, expiresAt, now(), idleMs);
  return answer
    ? {
        ran: true,
        reconciliation: answer.decision.reconciliation,
        fetchDocuments: answer.decision.fetchDocuments,
        transitions: answer.transitions,
      }
    : { ran: false };
}

/**
 * The condition under which an envelope is due for a check, shared by the claim and the sweeper's search. On SQLite
 * the state is written `+"reconciliation"`: its planner, without statistics, would otherwise look never-checked
 * envelopes up in the state's index (kept for counting the few failed ones), and that can be nearly every envelope;
 * the schedule's and the status's indexes find the due ones.
 */
export function dueForReconciliation(now: Date, idleMs: number): Prisma.Sql {
  const idleSince = new Date(now.getTime() - idleMs);
  const state = Prisma.raw(getDatabaseProvider() === 'sqlite' ? '+"reconciliation"' : '"reconciliation"');
  return Prisma.sql`(
    ("nextReconcileAt" IS NOT NULL AND "nextReconcileAt" <= ${now}
      AND (${state} IN ('pending', 'failed', 'mismatch') OR "lastEventAt" < ${idleSince}))
    OR ("nextReconcileAt" IS NULL AND ${state} = 'not_checked'
      AND "status" IN (${statusListSql(OPEN_STATUSES)}) AND "lastEventAt" < ${idleSince}))`;
}

const LOCKED_ATTEMPTS = 4;

/**
 * Runs `work` holding the envelope's lock, the same one the webhook ingest takes on PostgreSQL.
 * A conflict with another writer (on SQLite, another process such as `npm run simulate` writing
 * between this transaction's read and its write) is tried again rather than left to the sweeper.
 */
async function withEnvelopeLock<T>(envelopeId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(async (tx) => {
        if (getDatabaseProvider() === 'postgresql') {
          await tx.$queryRaw`
            SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(CAST(${envelopeId} AS text), 0))) AS l`;
        }
        return work(tx);
      });
    } catch (error) {
      if (attempt >= LOCKED_ATTEMPTS || !isRetryableDatabaseError(error)) throw error;
    }
  }
}

/** Moves the next check past the claim time; exactly one instance sees its UPDATE change the row. */
async function claimReconciliation(envelopeId: string, now: Date, idleMs: number): Promise<boolean> {
  const claimedUntil = new Date(now.getTime() + claimMs());
  const changed = await withEnvelopeLock(
    envelopeId,
    (tx) => tx.$executeRaw`
      UPDATE "Envelope" SET "nextReconcileAt" = ${claimedUntil}
      WHERE "id" = ${envelopeId} AND ${dueForReconciliation(now, idleMs)}`,
  );
  return changed === 1;
}

/** What the feed's events of this envelope carry besides their own change. */
function feedSnapshot(
  envelope: { hookId: string; customValues: unknown; isTest: boolean },
  status: EnvelopeStatus,
): FeedEnvelopeSnapshot {
  return {
    hookId: envelope.hookId,
    status,
    customValues: parseStringRecord(envelope.customValues),
    isTest: envelope.isTest,
  };
}

async function recordFailure(envelopeId: string, now: Date, error: string, unknownToProvider: boolean) {
  return withEnvelopeLock(envelopeId, async (tx) => {
    const envelope = await tx.envelope.findUnique({ where: { id: envelopeId } });
    if (!envelope) return { reconciliation: 'failed' as const, transitions: [] };
    const decision = decideAfterFailure({ envelope, now, error, unknownToProvider });
    await tx.envelope.update({
      where: { id: envelopeId },
      data: {
        reconciliation: decision.reconciliation,
        reconciliationError: decision.error?.slice(0, 2000) ?? null,
        nextReconcileAt: decision.nextReconcileAt,
      },
    });
    const transitions = reconciliationTransitions({
      envelopeId,
      before: envelope,
      after: { status: envelope.status, reconciliation: decision.reconciliation },
      providerStatus: null,
      at: now,
    });
    await appendFeedEvents(
      tx,
      feedEventsFromTransitions({
        transitions,
        envelopeOf: () => feedSnapshot(envelope, envelope.status),
        recordedAt: now,
      }),
    );
    return { reconciliation: decision.reconciliation, transitions };
  });
}

async function recordAnswer(
  envelopeId: string,
  remote: ProviderEnvelope,
  expiresAt: Date | null | undefined,
  now: Date,
  idleMs: number,
): Promise<{ decision: ReconciliationDecision; transitions: EnvelopeTransition[] } | null> {
  return withEnvelopeLock(envelopeId, async (tx) => {
    const envelope = await tx.envelope.findUnique({ where: { id: envelopeId }, include: { recipients: true } });
    if (!envelope) return null;
    const decision = decideReconciliation({
      envelope,
      providerStatus: remote.status,
      now,
      reconcileAfterMs: idleMs,
    });

    const changes = enrichRecipients(envelope.recipients, remote.recipients);
    for (const update of changes.updates) await tx.recipient.update({ where: { id: update.id }, data: update.data });
    if (changes.creates.length > 0) {
      await tx.recipient.createMany({ data: changes.creates.map((create) => ({ ...create, envelopeId })) });
    }
    const recipients = await tx.recipient.findMany({
      where: { envelopeId },
      select: { email: true, name: true, recipientOrder: true, invitedAt: true, finishedAt: true, rejectedAt: true },
    });
    const customValues = parseStringRecord(envelope.customValues);

    let event = decision.event;
    if (event) {
      const recorded = await tx.event.findUnique({
        where: { envelopeId_dedupeKey: { envelopeId, dedupeKey: event.dedupeKey } },
        select: { id: true },
      });
      if (recorded) event = null;
    }
    if (event) {
      await tx.event.create({
        data: {
          envelopeId,
          action: event.action,
          occurredAt: now,
          source: 'reconciliation',
          customValues: {},
          dedupeKey: event.dedupeKey,
        },
      });
    }

    await tx.envelope.update({
      where: { id: envelopeId },
      data: {
        status: decision.status,
        finishedAt: decision.finishedAt,
        actionRequired: isFinalStatus(decision.status) ? false : undefined,
        reconciliation: decision.reconciliation,
        claimedStatus: decision.claimedStatus,
        claimedAt: decision.claimedStatus === null ? null : undefined,
        providerStatus: remote.status.slice(0, 50),
        reconciledAt: now,
        reconciliationError: decision.error,
        nextReconcileAt: decision.nextReconcileAt,
        ...deriveEnvelopeFields({ envelopeId, status: decision.status, recipients, customValues }),
        // Name, sender and dates, refreshed on every answer.
        ...envelopeDetailsColumns(remote.details, expiresAt, now),
        ...(event && now.getTime() >= envelope.lastEventAt.getTime()
          ? { lastEventAt: now, lastAction: event.action }
          : {}),
      },
    });
    if (decision.fetchDocuments) await ensureDocumentFetch(tx, envelopeId, now);
    const transitions = reconciliationTransitions({
      envelopeId,
      before: envelope,
      after: decision,
      providerStatus: remote.status,
      at: now,
    });
    await appendFeedEvents(
      tx,
      feedEventsFromTransitions({
        transitions,
        envelopeOf: () => feedSnapshot(envelope, decision.status),
        recipientNameOf: (_id, recipient) =>
          recipients.find(
            (stored) =>
              (recipient.order !== null && stored.recipientOrder === recipient.order) ||
              (recipient.email !== null && stored.email === recipient.email),
          )?.name ?? null,
        recordedAt: now,
      }),
    );
    return { decision, transitions };
  });
}
