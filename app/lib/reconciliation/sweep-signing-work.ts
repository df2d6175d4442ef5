import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import {
  envelopeScope,
  findDueDocumentFetches,
  scheduleMissingDocumentFetches,
} from '@/app/lib/documents/document-fetch-queue';
import { runDocumentFetch } from '@/app/lib/documents/run-document-fetch';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import type { SigningProvider } from '@/app/lib/signing/signing-provider';
import { dueForReconciliation, reconcileAfterMs, reconcileEnvelope } from './reconcile-envelope';
import { readDetailsOfNewEnvelopes } from './refresh-envelope-details';

const RECONCILIATIONS_PER_SWEEP = 25;
const FETCHES_PER_SWEEP = 10;
const FETCH_CONCURRENCY = 2;
/** Completed envelopes without a document job are picked up if they finished this recently. */
const MISSING_JOB_WINDOW_MS = 7 * 24 * 3_600_000;

export type SweepResult = { reconciled: number; fetched: number; scheduled: number; detailsRead: number };

/**
 * One pass of the background sweeper: status checks that are due, the details of envelopes seen for the first time,
 * document jobs that are due or
 * were left behind (a failed attempt's retry time, a restart, an instance that died mid-fetch).
 * Every item is claimed before it is worked on, so several instances can sweep the same database.
 */
export async function sweepSigningWork(
  options: {
    provider?: SigningProvider | null;
    now?: () => Date;
    reconcileAfterMs?: number;
    /** Only these envelopes (tests share one database with other tests). */
    envelopeIds?: string[];
  } = {},
): Promise<SweepResult> {
  const { envelopeIds } = options;
  const provider = options.provider === undefined ? getSigningProvider() : options.provider;
  const result: SweepResult = { reconciled: 0, fetched: 0, scheduled: 0, detailsRead: 0 };
  if (!provider) return result;
  const now = options.now ?? (() => new Date());
  const idleMs = options.reconcileAfterMs ?? reconcileAfterMs();

  if (provider.confirmsStatus) {
    const due = await prisma.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Envelope"
      WHERE ${dueForReconciliation(now(), idleMs)} AND ${envelopeScope(Prisma.sql`"id"`, envelopeIds)}
      ORDER BY "nextReconcileAt" ASC LIMIT ${RECONCILIATIONS_PER_SWEEP}`;
    for (const { id } of due) {
      const outcome = await reconcileEnvelope({ envelopeId: id, provider, now, reconcileAfterMs: idleMs });
      if (outcome.ran) result.reconciled += 1;
    }
    // New envelopes get their name, sender and dates (those just reconciled already have them).
    result.detailsRead = await readDetailsOfNewEnvelopes({ provider, now, envelopeIds });
  }

  result.scheduled = await scheduleMissingDocumentFetches(now(), MISSING_JOB_WINDOW_MS, FETCHES_PER_SWEEP, envelopeIds);
  const fetches = await findDueDocumentFetches(now(), FETCHES_PER_SWEEP, envelopeIds);
  const worker = async () => {
    for (let envelopeId = fetches.shift(); envelopeId !== undefined; envelopeId = fetches.shift()) {
      const outcome = await runDocumentFetch({ envelopeId, provider, now });
      if (outcome.ran) result.fetched += 1;
    }
  };
  await Promise.all(Array.from({ length: FETCH_CONCURRENCY }, worker));
  return result;
}
