import { ENVELOPE_LIMITS } from '@/app/lib/envelopes/envelope-limits';
import { isTestEnvelopeId } from '@/app/lib/envelopes/test-envelopes';
import {
  applyNotificationToEnvelope,
  NEW_RECIPIENT,
  type EnvelopeLifecycle,
  type RecipientLifecycle,
} from '@/app/lib/envelopes/lifecycle/apply-notification-to-envelope';
import {
  isRepeatable,
  REPEAT_WINDOW_MS,
  type SigningServiceAction,
} from '@/app/lib/envelopes/lifecycle/envelope-actions';
import {
  deriveEnvelopeFields,
  type EnvelopeDerivedFields,
} from '@/app/lib/envelopes/lifecycle/envelope-derived-fields';
import type { EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import type { EnvelopeTransition } from '@/app/lib/envelopes/lifecycle/envelope-transitions';
import type { DeliveryRecord } from './delivery-record';
import { describeFields, type Notification, type WorkstepEventDetails } from './parse-notification';

// The ingest's bookkeeping around the envelope's lifecycle, on rows held in memory: which notifications are copies,
// which envelope and recipient rows they touch, what stays within an envelope's limits. What a notification does to
// the envelope is the lifecycle's (app/lib/envelopes/lifecycle). A batch is applied one notification after another
// here, then written with a few statements.

export type EnvelopeRow = EnvelopeLifecycle &
  EnvelopeDerivedFields & {
    id: string;
    hookId: string;
    customValues: Record<string, string>;
    firstSeenAt: Date;
    eventCount: number;
    /** Made by a test notification from Setup (see isTestEnvelopeId); fixed when first stored. */
    isTest: boolean;
  };

export type RecipientRow = RecipientLifecycle & {
  envelopeId: string;
  key: string;
  /** The key it is stored under, when it changes (e-mail key → order key). */
  storedKey: string | null;
  recipientOrder: number | null;
  email: string | null;
  /** From the signing service, when reconciliation asked it. */
  name: string | null;
};

export type StoredEvent = { id: number; envelopeId: string; dedupeKey: string; occurredAt: Date };

export type NewEvent = {
  envelopeId: string;
  deliveryId: string;
  action: string;
  occurredAt: Date;
  recipientEmail: string | null;
  recipientOrder: number | null;
  isFinishCallback: boolean;
  customValues: Record<string, string>;
  details: WorkstepEventDetails | null;
  dedupeKey: string;
  duplicateCount: number;
  lastDuplicateAt: Date | null;
};

export type Job = {
  delivery: DeliveryRecord;
  notification: Notification;
  deliveryId: string;
  /**
   * Set when the signing service can be asked for the envelope's status: a final status a notification reports
   * (a finish callback, a rejection, an expiry) then only marks the envelope for confirmation, so a forged or
   * premature one never ends it.
   */
  confirmFinalStatus?: boolean;
  /** The Standard Webhooks message id of a signed delivery: a second delivery of it is a duplicate. */
  webhookId?: string | null;
};

export type JobRefusal = { code: 'envelope_belongs_to_another_hook'; message: string };

export type JobResult = {
  deliveryId: string;
  duplicate: boolean;
  status: EnvelopeStatus;
  isNewFinishCallback: boolean;
  /** A final status was notified that the signing service is to confirm. */
  awaitsConfirmation: boolean;
  /** Set when the notification changed nothing because it may not (stored in the delivery log as rejected). */
  refusal: JobRefusal | null;
  /** What was dropped to keep the envelope within its limits, for the delivery log. */
  notices: string[];
  /** The signed delivery's message id, recorded with its delivery so that it is processed once. */
  webhookId: string | null;
};

/** What the database held for the envelopes of a batch; changed in place by `applyNotifications`. */
export type BatchState = {
  envelopes: Map<string, EnvelopeRow>;
  recipients: Map<string, RecipientRow>; // by `${envelopeId}\n${key}`
  storedEvents: StoredEvent[];
  /** Message ids of signed deliveries already processed, by `webhookIdKey`. */
  seenWebhookIds: Set<string>;
};

export type BatchChanges = {
  results: JobResult[];
  changedEnvelopes: Set<string>;
  changedRecipients: Set<string>;
  newEvents: NewEvent[];
  /** Stored event id → how many more copies arrived, and when the last did. */
  storedDuplicates: Map<number, { count: number; lastAt: Date }>;
  /** What the batch changed in the envelopes' lives, in arrival order. */
  transitions: EnvelopeTransition[];
};

export function recipientKeyOf(notification: Pick<Notification, 'recipientOrder' | 'recipientEmail'>): string | null {
  if (notification.recipientOrder !== null) return `order:${notification.recipientOrder}`;
  if (notification.recipientEmail) return `email:${encodeURIComponent(notification.recipientEmail.toLowerCase())}`;
  return null;
}

export function dedupeBaseOf(notification: Notification): string {
  const envelopeFinished: SigningServiceAction = 'envelopeFinished';
  const finish = notification.isFinishCallback && notification.action !== envelopeFinished ? '|finish' : '';
  return `${notification.action}|${recipientKeyOf(notification) ?? '-'}${finish}`;
}

export const webhookIdKey = (hookId: string, webhookId: string) => `${hookId}\n${webhookId}`;

export const recipientMapKey = (envelopeId: string, key: string) => `${envelopeId}\n${key}`;

/** What a writer read for a batch, as rows, gathered into the state `applyNotifications` works on. */
export function toBatchState(rows: {
  envelopes: EnvelopeRow[];
  recipients: Omit<RecipientRow, 'storedKey'>[];
  storedEvents: StoredEvent[];
  webhookIds: { hookId: string; webhookId: string }[];
}): BatchState {
  return {
    envelopes: new Map(rows.envelopes.map((envelope) => [envelope.id, envelope])),
    recipients: new Map(
      rows.recipients.map((recipient) => [
        recipientMapKey(recipient.envelopeId, recipient.key),
        { ...recipient, storedKey: recipient.key },
      ]),
    ),
    storedEvents: rows.storedEvents,
    seenWebhookIds: new Set(rows.webhookIds.map((row) => webhookIdKey(row.hookId, row.webhookId))),
  };
}

export function applyNotifications(state: BatchState, jobs: Job[]): BatchChanges {
  const changes: BatchChanges = {
    results: [],
    changedEnvelopes: new Set(),
    changedRecipients: new Set(),
    newEvents: [],
    storedDuplicates: new Map(),
    transitions: [],
  };
  for (const job of jobs) changes.results.push(applyOne(state, changes, job));
  return changes;
}

function findEarlierCopy(
  state: BatchState,
  changes: BatchChanges,
  envelopeId: string,
  base: string,
  repeatable: boolean,
  at: Date,
) {
  const matches = (dedupeKey: string, occurredAt: Date) =>
    repeatable
      ? dedupeKey.startsWith(`${base}|`) && Math.abs(occurredAt.getTime() - at.getTime()) <= REPEAT_WINDOW_MS
      : dedupeKey === base;
  const fresh = changes.newEvents.find(
    (event) => event.envelopeId === envelopeId && matches(event.dedupeKey, event.occurredAt),
  );
  if (fresh) return { fresh, stored: null };
  const stored = state.storedEvents.find(
    (event) => event.envelopeId === envelopeId && matches(event.dedupeKey, event.occurredAt),
  );
  return stored ? { fresh: null, stored } : null;
}

function applyOne(state: BatchState, changes: BatchChanges, job: Job): JobResult {
  const { notification, delivery, deliveryId } = job;
  const { envelopeId, action } = notification;
  const at = delivery.receivedAt;
  const envelope = state.envelopes.get(envelopeId);
  const result = (fields: Partial<JobResult>): JobResult => ({
    deliveryId,
    duplicate: false,
    status: envelope?.status ?? 'sent',
    isNewFinishCallback: false,
    awaitsConfirmation: false,
    refusal: null,
    notices: notification.notices,
    webhookId: null,
    ...fields,
  });

  const signedMessage = job.webhookId ? webhookIdKey(delivery.hookId, job.webhookId) : null;
  if (signedMessage && state.seenWebhookIds.has(signedMessage)) return result({ duplicate: true, notices: [] });
  if (envelope && envelope.hookId !== delivery.hookId) {
    return result({
      refusal: {
        code: 'envelope_belongs_to_another_hook',
        message:
          `The envelope ${envelopeId} was first reported through another hook, which owns it: notifications for ` +
          'it are taken from that hook only. Send them to the hook URL its sign request was created with.',
      },
      notices: [],
    });
  }
  if (signedMessage) state.seenWebhookIds.add(signedMessage);
  const webhookId = job.webhookId ?? null;

  const base = dedupeBaseOf(notification);
  const repeatable = isRepeatable(action);
  const earlier = envelope ? findEarlierCopy(state, changes, envelopeId, base, repeatable, at) : null;
  if (envelope && earlier) {
    if (earlier.fresh) {
      earlier.fresh.duplicateCount += 1;
      earlier.fresh.lastDuplicateAt = at;
    } else if (earlier.stored) {
      const counted = changes.storedDuplicates.get(earlier.stored.id) ?? { count: 0, lastAt: at };
      changes.storedDuplicates.set(earlier.stored.id, { count: counted.count + 1, lastAt: at });
    }
    return result({ duplicate: true, webhookId });
  }
  if (envelope && repeatable && envelope.eventCount >= ENVELOPE_LIMITS.events) {
    return result({
      webhookId,
      notices: [
        ...notification.notices,
        `Not added to the timeline: the envelope holds ${ENVELOPE_LIMITS.events.toLocaleString('en')} events, and ` +
          "beyond that only signatures, rejections and the envelope's end are added.",
      ],
    });
  }

  const notices = [...notification.notices];
  const merged = mergeCustomValues(envelope?.customValues ?? {}, notification.customValues);
  if (merged.dropped.length > 0) {
    notices.push(
      `${describeFields(merged.dropped)} not kept: an envelope keeps at most ${ENVELOPE_LIMITS.customValueKeys} ` +
        `custom values of ${ENVELOPE_LIMITS.customValuesTotalLength.toLocaleString('en')} characters in all.`,
    );
  }
  changes.newEvents.push({
    envelopeId,
    deliveryId,
    action,
    occurredAt: at,
    recipientEmail: notification.recipientEmail,
    recipientOrder: notification.recipientOrder,
    isFinishCallback: notification.isFinishCallback,
    customValues: merged.eventValues,
    details: notification.details,
    dedupeKey: repeatable ? `${base}|${at.getTime()}` : base,
    duplicateCount: 0,
    lastDuplicateAt: null,
  });

  const recipient = findRecipient(state, changes, notification, envelope?.recipientCount ?? 0);
  if (recipient === 'refused') {
    notices.push(
      `The recipient was not added: an envelope keeps at most ${ENVELOPE_LIMITS.recipients} recipients ` +
        '(the event is on the timeline).',
    );
  }
  const stored = recipient === 'refused' ? null : recipient;
  const outcome = applyNotificationToEnvelope({
    envelope: envelope ?? null,
    recipient: stored,
    change: {
      envelopeId,
      action,
      isFinishCallback: notification.isFinishCallback,
      at,
      recipient: stored ? { order: notification.recipientOrder, email: notification.recipientEmail } : null,
      confirmFinalStatus: job.confirmFinalStatus === true,
    },
  });
  changes.transitions.push(...outcome.transitions);
  if (stored && outcome.recipient) {
    const key = recipientMapKey(envelopeId, stored.key);
    // Rows are updated in place: BatchState is what the writer reads back.
    state.recipients.set(
      key,
      Object.assign(stored, outcome.recipient, {
        email: notification.recipientEmail ?? stored.email,
        recipientOrder: notification.recipientOrder ?? stored.recipientOrder,
      }),
    );
    changes.changedRecipients.add(key);
  }
  const recipients = [...state.recipients.values()].filter((row) => row.envelopeId === envelopeId);
  const updated: EnvelopeRow = {
    ...outcome.envelope,
    id: envelopeId,
    hookId: envelope?.hookId ?? delivery.hookId,
    firstSeenAt: envelope?.firstSeenAt ?? at,
    isTest: envelope?.isTest ?? isTestEnvelopeId(envelopeId),
    eventCount: (envelope?.eventCount ?? 0) + 1,
    customValues: merged.envelopeValues,
    ...deriveEnvelopeFields({
      envelopeId,
      status: outcome.envelope.status,
      recipients,
      customValues: merged.envelopeValues,
    }),
  };
  state.envelopes.set(envelopeId, envelope ? Object.assign(envelope, updated) : updated);
  changes.changedEnvelopes.add(envelopeId);

  return result({
    status: updated.status,
    isNewFinishCallback: notification.isFinishCallback,
    awaitsConfirmation: outcome.awaitsConfirmation,
    notices,
    webhookId,
  });
}

/** The custom values an envelope keeps, within its limits, and those this notification's event keeps. */
function mergeCustomValues(current: Record<string, string>, incoming: Record<string, string>) {
  // Maps, so that a key such as __proto__ stays plain data.
  const envelopeValues = new Map(Object.entries(current));
  let total = textLength(envelopeValues);
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(incoming)) {
    const existing = envelopeValues.get(key);
    if (existing === value) continue;
    const grown = total - (existing === undefined ? 0 : key.length + existing.length) + key.length + value.length;
    const tooMany = existing === undefined && envelopeValues.size >= ENVELOPE_LIMITS.customValueKeys;
    if (tooMany || grown > ENVELOPE_LIMITS.customValuesTotalLength) {
      dropped.push(key);
      continue;
    }
    envelopeValues.set(key, value);
    total = grown;
  }
  const eventValues = new Map<string, string>();
  let eventTotal = 0;
  for (const [key, value] of Object.entries(incoming)) {
    eventTotal += key.length + value.length;
    if (eventTotal > ENVELOPE_LIMITS.customValuesTotalLength) break;
    eventValues.set(key, value);
  }
  return { envelopeValues: Object.fromEntries(envelopeValues), eventValues: Object.fromEntries(eventValues), dropped };
}

function textLength(values: Map<string, string>): number {
  let length = 0;
  for (const [key, value] of values) length += key.length + value.length;
  return length;
}

/**
 * The notification's recipient as stored (a new one when first named), or "refused" when the envelope holds as many
 * recipients as it may; null when the notification names none. A recipient known by e-mail only takes its order key
 * once its order is known.
 */
function findRecipient(
  state: BatchState,
  changes: BatchChanges,
  notification: Notification,
  recipientCount: number,
): RecipientRow | 'refused' | null {
  const key = recipientKeyOf(notification);
  if (!key) return null;
  const { envelopeId } = notification;
  const recipient = state.recipients.get(recipientMapKey(envelopeId, key));
  if (recipient) return recipient;
  if (notification.recipientOrder !== null && notification.recipientEmail) {
    const emailKey = recipientKeyOf({ recipientOrder: null, recipientEmail: notification.recipientEmail })!;
    const byEmail = state.recipients.get(recipientMapKey(envelopeId, emailKey));
    if (byEmail) {
      state.recipients.delete(recipientMapKey(envelopeId, emailKey));
      changes.changedRecipients.delete(recipientMapKey(envelopeId, emailKey));
      return { ...byEmail, key, storedKey: byEmail.storedKey ?? emailKey };
    }
  }
  if (recipientCount >= ENVELOPE_LIMITS.recipients) return 'refused';
  return {
    ...NEW_RECIPIENT,
    envelopeId,
    key,
    storedKey: null,
    recipientOrder: notification.recipientOrder,
    email: notification.recipientEmail,
    name: null,
  };
}
