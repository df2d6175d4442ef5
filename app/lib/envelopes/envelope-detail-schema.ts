import { z } from 'zod';
import { ENVELOPE_STATUSES } from './lifecycle/envelope-statuses';
import { DOCUMENT_STATUSES, envelopeSummaryFields, isoTime, recipientProgressSchema } from './envelope-summary-schema';

// The answer of GET /api/envelopes/<id>. The server builds it and the live page parses every poll with it, so a
// server and a browser tab from different deploys cannot silently disagree on a field.

export const RECONCILIATION_STATES = ['not_checked', 'pending', 'confirmed', 'mismatch', 'updated', 'failed'] as const;
export const EVENT_SOURCES = ['notification', 'reconciliation', 'app'] as const;

const recipientSchema = recipientProgressSchema.extend({
  /** Known once the signing service was asked about the envelope. */
  name: z.string().nullable(),
});

const notificationSchema = z.object({
  deliveryId: z.string(),
  receivedAt: isoTime,
  method: z.string(),
  contentType: z.string().nullable(),
  /** The query string without "?", cut at NOTIFICATION_PREVIEW_CHARS. */
  query: z.string(),
  body: z.string().nullable(),
  /** True when query or body was cut; the deliveries page has the whole request. */
  truncated: z.boolean(),
});

/** A workstep event callback's own fields, as its sender filled them. */
export const workstepEventDetailsSchema = z.object({
  eventType: z.string(),
  workstepId: z.string().nullable(),
  source: z.string().nullable(),
  /** The sender's time of the event, as sent. */
  time: z.string().nullable(),
  description: z.string().nullable(),
});

const eventSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  occurredAt: isoTime,
  recipientEmail: z.string().nullable(),
  recipientOrder: z.number().int().nullable(),
  isFinishCallback: z.boolean(),
  /** "reconciliation" when the signing service reported this status and no notification did. */
  source: z.enum(EVENT_SOURCES),
  /** The notification's custom values: the first EVENT_CUSTOM_VALUES_SHOWN, each cut at EVENT_CUSTOM_VALUE_CHARS. */
  customValues: z.record(z.string(), z.string()),
  details: workstepEventDetailsSchema.nullable(),
  duplicateCount: z.number().int(),
  lastDuplicateAt: isoTime.nullable(),
  deliveryId: z.string().nullable(),
  /** The first request that reported this event, as it arrived; null for reconciliation events. */
  notification: notificationSchema.nullable(),
});

const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(['signed', 'auditTrail']),
  fileName: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  pageCount: z.number().int().nullable(),
  fetchedAt: isoTime,
  /** Answers the file as an attachment; add ?inline=1 (viewUrl) to open it in the browser. */
  downloadUrl: z.string(),
  viewUrl: z.string(),
});

const documentStatusSchema = z.object({
  /** none: no fetch was started (not finished yet, or no provider fetches documents). */
  status: z.enum(DOCUMENT_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastAttemptAt: isoTime.nullable(),
  nextAttemptAt: isoTime.nullable(),
  /** Why this app cannot fetch documents at all (no provider, or its configuration is incomplete); null when it can. */
  unavailableReason: z.string().nullable(),
});

const reconciliationSchema = z.object({
  state: z.enum(RECONCILIATION_STATES),
  /** The signing service's own status word (Active, Completed, Canceled, Expired, Rejected). */
  providerStatus: z.string().nullable(),
  reconciledAt: isoTime.nullable(),
  error: z.string().nullable(),
  /** When the signing service will be asked next. */
  nextAttemptAt: isoTime.nullable(),
  finishCallbackAt: isoTime.nullable(),
  /** A final status a notification reported, waiting for (or refused by) the signing service's confirmation. */
  claimedStatus: z.enum(ENVELOPE_STATUSES).nullable(),
  claimedAt: isoTime.nullable(),
  /** False when the configured provider cannot confirm statuses (none, http, or incomplete configuration). */
  providerConfirmsStatus: z.boolean(),
});

export const envelopeDetailSchema = z.object({
  ...envelopeSummaryFields,
  /** The envelope's name (subject) as the signing service reports it; null until it was read, or without one. */
  name: z.string().nullable(),
  /** What to call it: the name, else the ENVELOPE_NAME_CUSTOM_VALUE custom value, else the id. */
  displayName: z.string(),
  /** When the signing service sent it, and who sent it, as the service reports them. */
  sentAt: isoTime.nullable(),
  senderName: z.string().nullable(),
  senderEmail: z.string().nullable(),
  /** When it expires unless completed first, from the signing service's configuration of it. */
  expiresAt: isoTime.nullable(),
  recipients: z.array(recipientSchema),
  /** The newest page of the timeline, oldest first; older pages come from /api/envelopes/<id>/events. */
  events: z.array(eventSchema),
  eventCount: z.number().int(),
  /** Where the next older page of events starts; null when `events` reaches back to the first. */
  olderEventsCursor: z.string().nullable(),
  documents: z.array(documentSchema),
  documentStatus: documentStatusSchema,
  reconciliation: reconciliationSchema,
});

export type EnvelopeDetail = z.infer<typeof envelopeDetailSchema>;
export type EnvelopeEvent = EnvelopeDetail['events'][number];
export type EnvelopeRecipient = EnvelopeDetail['recipients'][number];
export type EnvelopeDocument = EnvelopeDetail['documents'][number];
export type DocumentStatusDetail = EnvelopeDetail['documentStatus'];
export type ReconciliationDetail = EnvelopeDetail['reconciliation'];
export type DocumentFetchStatus = DocumentStatusDetail['status'];

export const eventPageSchema = z.object({ items: z.array(eventSchema), olderCursor: z.string().nullable() });

// An answer's size must not depend on what senders put in an envelope (README "Security model").
/** A raw notification is cut after this many characters in the envelope answer; real ones are far smaller. */
export const NOTIFICATION_PREVIEW_CHARS = 2 * 1024;
export const EVENT_CUSTOM_VALUES_SHOWN = 10;
export const EVENT_CUSTOM_VALUE_CHARS = 200;
