import type { EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';

/** A recipient as an event names them. */
export type FeedRecipient = { order: number | null; email: string | null; name: string | null };

/** A stored file as `documents.stored` lists it; its download address is added when the event is read. */
export type FeedDocument = { id: string; kind: string; fileName: string; sha256: string; size: number };

/**
 * What an event stores about its envelope, as it stood when the change was committed. The hook's name and the links
 * are added when the event is read (`toFeedEventPayload`).
 */
export type StoredFeedEventData = {
  envelopeId: string;
  status: EnvelopeStatus;
  previousStatus: EnvelopeStatus | null;
  /** Whether the signing service confirmed the status (a notification alone is a hint). */
  confirmed: boolean;
  customValues: Record<string, string>;
  recipient?: FeedRecipient;
  documents?: FeedDocument[];
  /** Why the document fetch gave up (`documents.failed`). */
  error?: string;
  /** What the signing service said (`reconciliation.mismatch`). */
  providerStatus?: string | null;
  /** Setup's test notifications: marked, so a consumer can leave them out. */
  test?: true;
  occurredAt: string;
};

/** One event to store, with what it stores. */
export type FeedEventDraft = {
  id: string;
  type: import('./feed-event-types').FeedEventType;
  envelopeId: string;
  hookId: string | null;
  occurredAt: Date;
  recordedAt: Date;
  data: StoredFeedEventData;
};
