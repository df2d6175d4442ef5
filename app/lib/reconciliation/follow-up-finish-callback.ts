import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { ensureDocumentFetch } from '@/app/lib/documents/document-fetch-queue';
import { runDocumentFetch } from '@/app/lib/documents/run-document-fetch';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import type { SigningProvider } from '@/app/lib/signing/signing-provider';
import { reconcileEnvelope } from './reconcile-envelope';

/**
 * What follows a new finish callback, run after the sender has its answer: confirm the status with
 * the signing service (which completes the envelope and queues its documents), or, with a source
 * that cannot confirm, queue the documents of the completed envelope; then fetch them.
 */
export async function followUpFinishCallback(options: {
  envelopeId: string;
  provider?: SigningProvider | null;
}): Promise<void> {
  const { envelopeId } = options;
  const provider = options.provider === undefined ? getSigningProvider() : options.provider;
  if (!provider) return;
  if (provider.confirmsStatus) {
    await reconcileEnvelope({ envelopeId, provider });
  } else {
    const envelope = await prisma.envelope.findUnique({ where: { id: envelopeId }, select: { status: true } });
    if (envelope?.status !== 'completed') return;
    await ensureDocumentFetch(prisma, envelopeId, new Date());
  }
  await runDocumentFetch({ envelopeId, provider });
}
