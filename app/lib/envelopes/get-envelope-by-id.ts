import 'server-only';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { getSigningProviderState, type SigningProviderState } from '@/app/lib/signing/get-signing-provider-state';
import { resolveSigningProviderConfig, type SigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { NOTIFICATION_PREVIEW_CHARS, type EnvelopeDetail } from './envelope-detail-schema';
import { toEnvelopeSummary, toRecipient } from './list-envelopes';

export type { EnvelopeDetail } from './envelope-detail-schema';

const detailInclude = {
  recipients: { orderBy: [{ recipientOrder: 'asc' }, { id: 'asc' }] },
  events: {
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    include: {
      delivery: { select: { id: true, receivedAt: true, method: true, contentType: true, query: true, body: true } },
    },
  },
  documents: true,
  documentFetch: true,
} satisfies Prisma.EnvelopeInclude;

type DetailRow = Prisma.EnvelopeGetPayload<{ include: typeof detailInclude }>;

/**
 * One envelope with its recipients, its whole timeline (oldest event first, each with the request that reported
 * it), its stored documents and what the signing service said about it; null if unknown.
 */
export async function getEnvelopeById(options: {
  id: string;
  signingProvider?: SigningProviderConfig;
}): Promise<EnvelopeDetail | null> {
  const row = await prisma.envelope.findUnique({ where: { id: options.id }, include: detailInclude });
  if (!row) return null;
  return toEnvelopeDetail(row, getSigningProviderState(options.signingProvider ?? resolveSigningProviderConfig()));
}

function toEnvelopeDetail(row: DetailRow, provider: SigningProviderState): EnvelopeDetail {
  const documentsPath = `/api/envelopes/${encodeURIComponent(row.id)}/documents`;
  return {
    ...toEnvelopeSummary(row),
    recipients: row.recipients.map((recipient) => ({ ...toRecipient(recipient), name: recipient.name })),
    events: row.events.map((event) => ({
      id: event.id,
      action: event.action,
      occurredAt: event.occurredAt.toISOString(),
      recipientEmail: event.recipientEmail,
      recipientOrder: event.recipientOrder,
      isFinishCallback: event.isFinishCallback,
      source: event.source === 'reconciliation' ? 'reconciliation' : 'notification',
      customValues: event.customValues as Record<string, string>,
      duplicateCount: event.duplicateCount,
      lastDuplicateAt: event.lastDuplicateAt?.toISOString() ?? null,
      deliveryId: event.deliveryId,
      notification: event.delivery ? toNotification(event.delivery) : null,
    })),
    // Signed documents before the audit trail, each group in the signing service's order of fetching.
    documents: [...row.documents]
      .sort(
        (a, b) =>
          Number(a.kind !== 'signed') - Number(b.kind !== 'signed') ||
          a.fetchedAt.getTime() - b.fetchedAt.getTime() ||
          a.id.localeCompare(b.id),
      )
      .map((document) => {
        const downloadUrl = `${documentsPath}/${encodeURIComponent(document.id)}`;
        return {
          id: document.id,
          kind: document.kind,
          fileName: document.fileName,
          byteSize: document.byteSize,
          sha256: document.sha256,
          pageCount: document.pageCount,
          fetchedAt: document.fetchedAt.toISOString(),
          downloadUrl,
          viewUrl: `${downloadUrl}?inline=1`,
        };
      }),
    documentStatus: {
      status: row.documentFetch?.status ?? 'none',
      attempts: row.documentFetch?.attempts ?? 0,
      lastError: row.documentFetch?.lastError ?? null,
      lastAttemptAt: row.documentFetch?.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: row.documentFetch?.nextAttemptAt?.toISOString() ?? null,
      // The provider's own words: they name the variable to set, and the page links them to the setup page.
      unavailableReason: provider.fetchesDocuments ? null : (provider.problem ?? provider.description),
    },
    reconciliation: {
      state: row.reconciliation,
      providerStatus: row.providerStatus,
      reconciledAt: row.reconciledAt?.toISOString() ?? null,
      error: row.reconciliationError,
      nextAttemptAt: row.nextReconcileAt?.toISOString() ?? null,
      finishCallbackAt: row.finishCallbackAt?.toISOString() ?? null,
      providerConfirmsStatus: provider.confirmsStatus,
    },
  };
}

function toNotification(delivery: NonNullable<DetailRow['events'][number]['delivery']>) {
  const query = delivery.query.slice(0, NOTIFICATION_PREVIEW_CHARS);
  const body = delivery.body?.slice(0, NOTIFICATION_PREVIEW_CHARS) ?? null;
  return {
    deliveryId: delivery.id,
    receivedAt: delivery.receivedAt.toISOString(),
    method: delivery.method,
    contentType: delivery.contentType,
    query,
    body,
    truncated: query.length < delivery.query.length || (body?.length ?? 0) < (delivery.body?.length ?? 0),
  };
}
