import type { FeedEventType } from './feed-event-types';
import type { StoredFeedEventData } from './feed-event-data';
import { envelopeUrls } from '@/app/lib/envelopes/envelope-urls';

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
  const links = envelopeUrls(stored.envelopeId, options.publicUrl);
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
              downloadUrl: `${links.api}/documents/${encodeURIComponent(document.id)}`,
            })),
          }
        : {}),
      links: { dashboard: links.page, api: links.api },
    },
  };
}
