import type { EnvelopeRow, NewEvent, RecipientRow, StoredEvent } from './apply-notifications';
import type { FeedEventDraft } from '@/app/lib/feed/feed-event-data';
import type { DeliveryInsert } from './delivery-row';

// The columns the webhook ingest reads and writes, written once for both envelope writers (sqlite-envelope-writer.ts,
// postgresql-envelope-writer.ts). Each maps a row field to its PostgreSQL type; the SQLite writer converts by the
// same types (timestamps as ISO text, booleans as 0/1, JSON as text). Each list must name every field of its row
// type, so a new field cannot be forgotten by either writer.

export const TIMESTAMP = 'timestamp(3)';
export const JSON_COLUMN = 'jsonb';
export const BOOLEAN = 'boolean';

export type Columns = Record<string, string>;

export const ENVELOPE_COLUMNS = {
  id: 'text',
  hookId: 'text',
  status: '"EnvelopeStatus"',
  actionRequired: BOOLEAN,
  customValues: JSON_COLUMN,
  searchText: 'text',
  recipientCount: 'integer',
  signedCount: 'integer',
  firstSeenAt: TIMESTAMP,
  firstOpenedAt: TIMESTAMP,
  finishedAt: TIMESTAMP,
  lastEventAt: TIMESTAMP,
  lastAction: 'text',
  finishCallbackAt: TIMESTAMP,
  claimedStatus: '"EnvelopeStatus"',
  claimedAt: TIMESTAMP,
  eventCount: 'integer',
  reconciliation: '"ReconciliationState"',
  nextReconcileAt: TIMESTAMP,
  isTest: BOOLEAN,
  waitingOnEmail: 'text',
  waitingOnName: 'text',
  waitingSince: TIMESTAMP,
} satisfies Record<keyof EnvelopeRow, string>;

/** Set when an envelope is first stored, never by a later notification. */
export const ENVELOPE_FIXED_COLUMNS: (keyof EnvelopeRow)[] = ['id', 'hookId', 'firstSeenAt', 'isTest'];

export const RECIPIENT_COLUMNS = {
  envelopeId: 'text',
  key: 'text',
  recipientOrder: 'integer',
  email: 'text',
  name: 'text',
  invitedAt: TIMESTAMP,
  firstOpenedAt: TIMESTAMP,
  openCount: 'integer',
  finishedAt: TIMESTAMP,
  rejectedAt: TIMESTAMP,
  delegatedAt: TIMESTAMP,
} satisfies Record<Exclude<keyof RecipientRow, 'storedKey'>, string>;

export const EVENT_COLUMNS = {
  envelopeId: 'text',
  deliveryId: 'text',
  action: 'text',
  occurredAt: TIMESTAMP,
  recipientEmail: 'text',
  recipientOrder: 'integer',
  isFinishCallback: BOOLEAN,
  customValues: JSON_COLUMN,
  details: JSON_COLUMN,
  dedupeKey: 'text',
  duplicateCount: 'integer',
  lastDuplicateAt: TIMESTAMP,
} satisfies Record<keyof NewEvent, string>;

/** What the writers read of stored events to recognise a copy. */
export const STORED_EVENT_COLUMNS = {
  id: 'integer',
  envelopeId: EVENT_COLUMNS.envelopeId,
  dedupeKey: EVENT_COLUMNS.dedupeKey,
  occurredAt: EVENT_COLUMNS.occurredAt,
} satisfies Record<keyof StoredEvent, string>;

export const DELIVERY_COLUMNS = {
  id: 'text',
  hookId: 'text',
  receivedAt: TIMESTAMP,
  method: 'text',
  query: 'text',
  body: 'text',
  contentType: 'text',
  headers: JSON_COLUMN,
  sourceAddress: 'text',
  outcome: '"DeliveryOutcome"',
  errorCode: 'text',
  reason: 'text',
  notice: 'text',
  envelopeId: 'text',
  action: 'text',
  replayOfId: 'text',
  webhookId: 'text',
} satisfies Record<keyof DeliveryInsert, string>;

/** The change feed's events a batch adds; the position is the database's. */
export const FEED_EVENT_COLUMNS = {
  id: 'text',
  type: 'text',
  envelopeId: 'text',
  hookId: 'text',
  occurredAt: TIMESTAMP,
  recordedAt: TIMESTAMP,
  data: JSON_COLUMN,
} satisfies Record<keyof FeedEventDraft, string>;

export const quotedNames = (columns: Columns) =>
  Object.keys(columns)
    .map((column) => `"${column}"`)
    .join(', ');

/** `"a" = excluded."a", …` for an upsert, leaving out the columns that never change. */
export const upsertAssignments = (columns: Columns, unchanged: string[]) =>
  Object.keys(columns)
    .filter((column) => !unchanged.includes(column))
    .map((column) => `"${column}" = excluded."${column}"`)
    .join(', ');
