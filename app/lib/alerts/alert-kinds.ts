/** What a rule watches for. Event kinds follow the change feed; the others are checked against the clock. */
export const ALERT_KINDS = [
  'rejected',
  'expired',
  'canceled',
  'completed',
  'stuck',
  'recipient_waiting',
  'expiring',
  'documents_failed',
  'not_confirmed',
  'silence',
  'refusals',
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

/** Kinds raised by a change-feed event (the envelope's rejection, the fetch giving up, …). */
export const EVENT_ALERT_KINDS = [
  'rejected',
  'expired',
  'canceled',
  'completed',
  'documents_failed',
  'not_confirmed',
] as const satisfies readonly AlertKind[];

/** Kinds raised when a condition has lasted: checked at least once a minute. */
export const TIMED_ALERT_KINDS = [
  'stuck',
  'recipient_waiting',
  'expiring',
  'silence',
  'refusals',
] as const satisfies readonly AlertKind[];

export const ALERT_CHANNEL_KINDS = ['email', 'slack', 'teams', 'webhook'] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];
