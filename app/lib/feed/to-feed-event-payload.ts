import type { FeedEventType } from './feed-event-types';
import type { StoredFeedEventData } from './feed-event-data';

/** An event as the pull API lists it and subscriptions send it. */
export type FeedEventPayload = {
  id: string;
  type: FeedEventType;
  timestamp: string;
  data: Omit<StoredFeedEventData, 'documents'> & {
    hook: string | null;
    documents?: (NonNullable<StoredFeedEventData['documents']>[number] & { downloadUrl: string })[];
    links: { dashboard: string; api: string };
  };
};

/**
 * The stored event with what is added when it is read: the hook by name (its id is its secret), and addresses built
 * from PUBLIC_URL for the envelope's page, its API and each document's download.
 */
export function toFeedEventPayload(
  row: { id: string; type: string; recordedAt: Date; data: unknown },
  options: { hookName: string | null; publicUrl: string },
): FeedEventPayload {
  const stored = row.data as StoredFeedEventData;
  const base = options.publicUrl.replace(/\/+$/, '');
  const envelope = encodeURIComponent(stored.envelopeId);
  const { documents, ...rest } = stored;
  return {
    id: row.id,
    type: row.type as FeedEventType,
    timestamp: row.recordedAt.toISOString(),
    data: {
      ...rest,
      hook: options.hookName,
      ...(documents
        ? {
            documents: documents.map((document) => ({
              ...document,
              downloadUrl: `${base}/api/envelopes/${envelope}/documents/${encodeURIComponent(document.id)}`,
            })),
          }
        : {}),
      links: { dashboard: `${base}/envelopes/${envelope}`, api: `${base}/api/envelopes/${envelope}` },
    },
  };
}
