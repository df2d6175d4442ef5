// The change feed's event types: what the pull API (`GET /api/events`) lists and subscriptions receive.

export const FEED_EVENT_TYPES = [
  'envelope.sent',
  'envelope.opened',
  'envelope.partially_signed',
  'envelope.completed',
  'envelope.rejected',
  'envelope.expired',
  'envelope.canceled',
  'envelope.action_required',
  'recipient.invited',
  'recipient.opened',
  'recipient.signed',
  'recipient.rejected',
  'recipient.delegated',
  'documents.stored',
  'documents.failed',
  'reconciliation.mismatch',
] as const;

export type FeedEventType = (typeof FEED_EVENT_TYPES)[number];

export const isFeedEventType = (value: string): value is FeedEventType =>
  (FEED_EVENT_TYPES as readonly string[]).includes(value);
