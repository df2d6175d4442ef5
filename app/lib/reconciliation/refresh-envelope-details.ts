import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { describeProviderError, ProviderError, type SigningProvider } from '@/app/lib/signing/signing-provider';
import { envelopeDetailsColumns, nextDetailsAttemptAt } from './envelope-details';

/**
 * The envelope's expiry from the signing service's configuration; undefined when it could not be read. A failure
 * here never fails what called it (a status check above all): the expiry is a detail.
 */
export async function readExpiration(provider: SigningProvider, envelopeId: string): Promise<Date | null | undefined> {
  if (!provider.getExpiration) return undefined;
  try {
    return await provider.getExpiration(envelopeId);
  } catch (error) {
    console.warn(`The expiry of envelope ${envelopeId} could not be read: ${describeProviderError(error)}`);
    return undefined;
  }
}

/**
 * Reads the envelope's name, sender, sent date and expiry from the signing service and stores them (the first-sight
 * read; reconciliation stores them with its own answer). True when they were stored.
 */
export async function refreshEnvelopeDetails(options: {
  envelopeId: string;
  provider: SigningProvider;
  now?: () => Date;
}): Promise<boolean> {
  const { envelopeId, provider } = options;
  const now = options.now ?? (() => new Date());
  if (!provider.confirmsStatus) return false;
  const remote = await provider.getEnvelope(envelopeId);
  const columns = envelopeDetailsColumns(remote.details, await readExpiration(provider, envelopeId), now());
  if (!columns) return false;
  const { count } = await prisma.envelope.updateMany({ where: { id: envelopeId }, data: columns });
  return count === 1;
}

/** Envelopes first seen this recently and never read are read by the sweeper; older ones wait for reconciliation. */
const FIRST_SIGHT_WINDOW_MS = 24 * 3_600_000;
const FIRST_SIGHT_READS_PER_SWEEP = 25;
/** How long a claimed read may take before another instance may take it over: well over one request. */
const FIRST_SIGHT_CLAIM_MS = 120_000;

/**
 * The sweeper's first-sight pass: envelopes notified recently whose details were never read get them now (after the
 * webhook answered, never in its request). A failed read waits before the next try, doubling per failure; the wait is
 * stored on the envelope, so envelopes the service does not know never hold up the others, and every instance sees it.
 * Each read is claimed first (the wait moves past the claim), so instances sweeping one database read an envelope
 * once. An envelope whose finish callback awaits confirmation is left to that check, which stores the details too.
 */
export async function readDetailsOfNewEnvelopes(options: {
  provider: SigningProvider;
  now: () => Date;
  envelopeIds?: string[];
}): Promise<number> {
  const { provider, now, envelopeIds } = options;
  if (!provider.confirmsStatus) return 0;
  const start = now();
  const dueNow = (at: Date) => ({
    detailsReadAt: null,
    isTest: false,
    reconciliation: { not: 'pending' as const },
    firstSeenAt: { gte: new Date(at.getTime() - FIRST_SIGHT_WINDOW_MS) },
    OR: [{ detailsNextReadAt: null }, { detailsNextReadAt: { lte: at } }],
  });
  const due = await prisma.envelope.findMany({
    where: { ...dueNow(start), ...(envelopeIds ? { id: { in: envelopeIds } } : {}) },
    select: { id: true, detailsReadFailures: true },
    orderBy: { firstSeenAt: 'asc' },
    take: FIRST_SIGHT_READS_PER_SWEEP,
  });
  let read = 0;
  for (const { id, detailsReadFailures } of due) {
    const claimedAt = now();
    const claim = await prisma.envelope.updateMany({
      where: { id, ...dueNow(claimedAt) },
      data: { detailsNextReadAt: new Date(claimedAt.getTime() + FIRST_SIGHT_CLAIM_MS) },
    });
    if (claim.count !== 1) continue;
    let stored = false;
    try {
      stored = await refreshEnvelopeDetails({ envelopeId: id, provider, now });
    } catch (error) {
      if (!(error instanceof ProviderError)) console.error(`Reading the details of envelope ${id} failed:`, error);
    }
    if (stored) {
      read += 1;
      continue;
    }
    const failures = detailsReadFailures + 1;
    await prisma.envelope.updateMany({
      where: { id },
      data: { detailsReadFailures: failures, detailsNextReadAt: nextDetailsAttemptAt(failures, now()) },
    });
  }
  return read;
}
