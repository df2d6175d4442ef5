import 'server-only';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { getSigningProviderState, type SigningProviderState } from '@/app/lib/signing/get-signing-provider-state';
import { resolveSigningProviderConfig, type SigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import type { EnvelopeDetail } from './envelope-detail-schema';
import { envelopeDisplayName } from './envelope-display-name';
import { listEnvelopeEvents, type EventPage } from './list-envelope-events';
import { toEnvelopeSummary, toRecipient } from './list-envelopes';

export type { EnvelopeDetail } from './envelope-detail-schema';

const detailInclude = {
  recipients: { orderBy: [{ recipientOrder: 'asc' }, { id: 'asc' }] },
  documents: true,
  documentFetch: true,
} satisfies Prisma.EnvelopeInclude;

type DetailRow = Prisma.EnvelopeGetPayload<{ include: typeof detailInclude }>;

/**
 * One envelope with its recipients, the newest page of its timeline (oldest event first, each with the request that
 * reported it; older pages through listEnvelopeEvents), its stored documents and what the signing service said about
 * it; null if unknown.
 */
export async function getEnvelopeById(options: {
  id: string;
  signingProvider?: SigningProviderConfig;
}): Promise<EnvelopeDetail | null> {
  const [row, events] = await Promise.all([
    prisma.envelope.findUnique({ where: { id: options.id }, include: detailInclude }),
    listEnvelopeEvents({ envelopeId: options.id }),
  ]);
  if (!row) return null;
  const provider = getSigningProviderState(options.signingProvider ?? resolveSigningProviderConfig());
  return toEnvelopeDetail(row, events, provider);
}

function toEnvelopeDetail(row: DetailRow, events: EventPage, provider: SigningProviderState): EnvelopeDetail {
  const documentsPath = `/api/envelopes/${encodeURIComponent(row.id)}/documents`;
  const summary = toEnvelopeSummary(row);
  return {
    ...summary,
    name: row.name,
    displayName: envelopeDisplayName({ name: row.name, customValues: summary.customValues, id: row.id }),
    sentAt: row.sentAt?.toISOString() ?? null,
    senderName: row.senderName,
    senderEmail: row.senderEmail,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    recipients: row.recipients.map((recipient) => ({ ...toRecipient(recipient), name: recipient.name })),
    events: events.items,
    eventCount: row.eventCount,
    olderEventsCursor: events.olderCursor,
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
      claimedStatus: row.claimedStatus,
      claimedAt: row.claimedAt?.toISOString() ?? null,
      providerConfirmsStatus: provider.confirmsStatus,
    },
  };
}
