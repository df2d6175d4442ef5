import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { getEnvironment } from '@/app/lib/env';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { describeProviderError, ProviderError, type SigningProvider } from '@/app/lib/signing/signing-provider';
import { countPdfPages } from './count-pdf-pages';
import {
  claimDocumentFetch,
  completeDocumentFetch,
  failDocumentFetch,
  renewDocumentFetchLease,
  type ClaimedFetch,
} from './document-fetch-queue';
import { getDocumentSettings, type DocumentSettings } from './document-settings';
import { saveDocumentBytes } from './document-store';
import { MAX_FETCH_ATTEMPTS, nextFetchDelayMs } from './fetch-backoff';
import { newClaimToken } from './lease-owner';

export type DocumentFetchOutcome =
  | { ran: false }
  | { ran: true; status: 'stored'; storedFiles: number }
  | { ran: true; status: 'failed'; error: string; nextAttemptAt: Date | null }
  | { ran: true; status: 'lease_lost' };

class LeaseLost extends Error {}

/**
 * Fetches an envelope's finished files if its job is due and this process wins it: the list from
 * the signing service, then each file not stored yet, checked to be a PDF, hashed and stored. A
 * failure is recorded with its reason and the next attempt (30 s doubling to 6 h, 12 attempts).
 */
export async function runDocumentFetch(options: {
  envelopeId: string;
  provider?: SigningProvider | null;
  settings?: DocumentSettings;
  now?: () => Date;
}): Promise<DocumentFetchOutcome> {
  const provider = options.provider === undefined ? getSigningProvider() : options.provider;
  if (!provider) return { ran: false };
  const settings = options.settings ?? getDocumentSettings();
  const now = options.now ?? (() => new Date());
  // The lease must outlast the longest single request, and is renewed before each file.
  const leaseMs = Math.max(120_000, 3 * getEnvironment().DOCUMENT_FETCH_TIMEOUT_SECONDS * 1000);

  const claim = await claimDocumentFetch({
    envelopeId: options.envelopeId,
    token: newClaimToken(),
    now: now(),
    leaseMs,
  });
  if (!claim) return { ran: false };

  try {
    const storedFiles = await fetchMissingFiles({ claim, provider, settings, now, leaseMs });
    return (await completeDocumentFetch(claim, now(), storedFiles))
      ? { ran: true, status: 'stored', storedFiles }
      : { ran: true, status: 'lease_lost' };
  } catch (error) {
    if (error instanceof LeaseLost) return { ran: true, status: 'lease_lost' };
    if (!(error instanceof ProviderError))
      console.error(`Fetching the documents of ${claim.envelopeId} failed:`, error);
    const failedAt = now();
    const delay = nextFetchDelayMs(claim.attempts);
    const nextAttemptAt = delay === null ? null : new Date(failedAt.getTime() + delay);
    const reason = describeProviderError(error);
    const message =
      nextAttemptAt === null
        ? `${reason} Gave up after ${MAX_FETCH_ATTEMPTS} attempts: fix the cause, then use "Retry now".`
        : reason;
    await failDocumentFetch(claim, { now: failedAt, error: message, nextAttemptAt });
    return { ran: true, status: 'failed', error: message, nextAttemptAt };
  }
}

async function fetchMissingFiles(options: {
  claim: ClaimedFetch;
  provider: SigningProvider;
  settings: DocumentSettings;
  now: () => Date;
  leaseMs: number;
}): Promise<number> {
  const { claim, provider, settings, now, leaseMs } = options;
  const files = await provider.listFiles(claim.envelopeId);
  if (files.length === 0) {
    throw new ProviderError('no_files', 'The signing service lists no finished files for this envelope yet.', true);
  }
  const stored = await prisma.document.findMany({
    where: { envelopeId: claim.envelopeId },
    select: { providerFileId: true },
  });
  const storedIds = new Set(stored.map((document) => document.providerFileId));
  let count = 0;
  for (const file of files) {
    if (storedIds.has(file.providerFileId)) continue;
    if (!(await renewDocumentFetchLease(claim, now(), leaseMs))) throw new LeaseLost();
    const bytes = await options.provider.downloadFile(claim.envelopeId, file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storage = await saveDocumentBytes({ bytes, sha256, settings });
    const pageCount = file.pageCount ?? (await countPdfPages(bytes));
    try {
      await prisma.document.create({
        data: {
          envelopeId: claim.envelopeId,
          kind: file.kind,
          providerFileId: file.providerFileId,
          fileName: file.fileName.slice(0, 255),
          byteSize: bytes.length,
          sha256,
          pageCount,
          storage,
          fetchedAt: now(),
        },
      });
    } catch (error) {
      // Recorded already (only if a lease ran out mid-file): the same file, nothing to add.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    }
    count += 1;
  }
  return count;
}
