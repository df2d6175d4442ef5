import 'server-only';
import type { DocumentStatus } from '@/app/generated/prisma/sqlite/enums';
import { prisma } from '@/app/lib/db/prisma';
import { envelopeNotFound } from '@/app/lib/envelopes/envelope-not-found';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { getSigningProviderState } from '@/app/lib/signing/get-signing-provider-state';
import type { SigningProvider } from '@/app/lib/signing/signing-provider';

export type RetryDocumentFetchResult =
  { ok: true; documentStatus: DocumentStatus } | { ok: false; status: 404 | 409; code: string; message: string };

/**
 * "Retry now": makes the envelope's document job due at once with a fresh set of attempts (files
 * already stored are not fetched again). The caller starts the fetch after answering.
 */
export async function retryDocumentFetch(options: {
  envelopeId: string;
  provider?: SigningProvider | null;
  now?: Date;
}): Promise<RetryDocumentFetchResult> {
  const { envelopeId } = options;
  const now = options.now ?? new Date();
  const provider = options.provider === undefined ? getSigningProvider() : options.provider;
  const envelope = await prisma.envelope.findUnique({
    where: { id: envelopeId },
    select: { status: true, finishCallbackAt: true, reconciliation: true, nextReconcileAt: true },
  });
  if (!envelope) return envelopeNotFound(envelopeId);
  if (!provider) {
    const state = getSigningProviderState();
    return {
      ok: false,
      status: 409,
      code: 'documents_unavailable',
      message: `Documents cannot be fetched: ${state.problem ?? state.description}`,
    };
  }
  if (envelope.status !== 'completed') {
    const unconfirmed = envelope.finishCallbackAt !== null && provider.confirmsStatus;
    const when = envelope.nextReconcileAt ? ` It is asked again at ${envelope.nextReconcileAt.toISOString()}.` : '';
    return {
      ok: false,
      status: 409,
      code: 'not_completed',
      message: unconfirmed
        ? `The signing service has not confirmed that this envelope is completed, so there is nothing to fetch yet.${when}`
        : `Signed documents exist once an envelope is completed; this one is ${envelope.status.replace('_', ' ')}.`,
    };
  }
  // A job being fetched right now keeps going; any other is made due with its attempts reset.
  await prisma.$executeRaw`
    INSERT INTO "DocumentFetch" ("envelopeId", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
    VALUES (${envelopeId}, 'pending', 0, ${now}, ${now}, ${now})
    ON CONFLICT ("envelopeId") DO UPDATE SET
      "status" = 'pending', "attempts" = 0, "nextAttemptAt" = excluded."nextAttemptAt",
      "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = excluded."updatedAt"
    WHERE "DocumentFetch"."status" <> 'fetching' OR "DocumentFetch"."leaseExpiresAt" IS NULL
      OR "DocumentFetch"."leaseExpiresAt" < excluded."updatedAt"`;
  const job = await prisma.documentFetch.findUnique({ where: { envelopeId }, select: { status: true } });
  return { ok: true, documentStatus: job?.status ?? 'pending' };
}
