import type { EnvelopeStatus, ReconciliationState } from '@/app/generated/prisma/sqlite/enums';
import type { DeliveryRecord } from './delivery-record';
import { isRepeatable, laterStatus, REPEAT_WINDOW_MS, statusImpliedBy, TERMINAL_STATUSES } from './envelope-actions';
import { ENVELOPE_LIMITS } from './notification-limits';
import { describeFields, type Notification, type WorkstepEventDetails } from './parse-notification';

// The rules that turn notifications into envelope state, on rows held in memory: a batch of
// notifications is applied one after another here, then written with a few statements.

export type EnvelopeRow = {
  id: string;
  hookId: string;
  status: EnvelopeStatus;
  actionRequired: boolean;
  customValues: Record<string, string>;
  searchText: string;
  recipientCount: number;
  signedCount: number;
  firstSeenAt: Date;
  firstOpenedAt: Date | null;
  finishedAt: Date | null;
  lastEventAt: Date;
  lastAction: string;
  finishCallbackAt: Date | null;
  claimedStatus: EnvelopeStatus | null;
  claimedAt: Date | null;
  eventCount: number;
  reconciliation: ReconciliationState;
  nextReconcileAt: Date | null;
};

export type RecipientRow = {
  envelopeId: string;
  key: string;
  /** The key it is stored under, when it changes (e-mail key → order key). */
  storedKey: string | null;
  recipientOrder: number | null;
  email: string | null;
  invitedAt: Date | null;
  firstOpenedAt: Date | null;
  openCount: number;
  finishedAt: Date | null;
  rejectedAt: Date | null;
  delegatedAt: Date | null;
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
};

export function recipientKeyOf(notification: Pick<Notification, 'recipientOrder' | 'recipientEmail'>): string | null {
  if (notification.recipientOrder !== null) return `order:${notification.recipientOrder}`;
  if (notification.recipientEmail) return `email:${encodeURIComponent(notification.recipientEmail.toLowerCase())}`;
  return null;
}

export function dedupeBaseOf(notification: Notification): string {
  const finish = notification.isFinishCallback && notification.action !== 'envelopeFinished' ? '|finish' : '';
  return `${notification.action}|${recipientKeyOf(notification) ?? '-'}${finish}`;
}

export function buildSearchText(envelopeId: string, emails: string[], customValues: Record<string, string>): string {
  const values = Object.entries(customValues).map(([key, value]) => `${key}=${value}`);
  const text = [envelopeId, ...new Set(emails), ...values].join('\n').toLowerCase();
  // Cut rather than refused: the id and e-mails come first, so what search is mostly asked for stays in.
  return text.length > ENVELOPE_LIMITS.searchTextLength ? text.slice(0, ENVELOPE_LIMITS.searchTextLength) : text;
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
  let envelope = state.envelopes.get(envelopeId);
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

  if (!envelope) {
    envelope = {
      id: envelopeId,
      hookId: delivery.hookId,
      status: 'sent',
      actionRequired: false,
      customValues: {},
      searchText: envelopeId.toLowerCase(),
      recipientCount: 0,
      signedCount: 0,
      firstSeenAt: at,
      firstOpenedAt: null,
      finishedAt: null,
      lastEventAt: at,
      lastAction: action,
      finishCallbackAt: null,
      claimedStatus: null,
      claimedAt: null,
      eventCount: 0,
      reconciliation: 'not_checked',
      nextReconcileAt: null,
    };
    state.envelopes.set(envelopeId, envelope);
  }

  const notices = [...notification.notices];
  const merged = mergeCustomValues(envelope.customValues, notification.customValues);
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
  envelope.eventCount += 1;

  const recipientChange = recordRecipientProgress(state, changes, envelope, notification, at);
  if (recipientChange.refused) {
    notices.push(
      `The recipient was not added: an envelope keeps at most ${ENVELOPE_LIMITS.recipients} recipients ` +
        '(the event is on the timeline).',
    );
  }
  const previousStatus = envelope.status;
  const awaitsConfirmation = applyStatus(envelope, notification, job.confirmFinalStatus === true, at);
  const becameTerminal = TERMINAL_STATUSES.includes(envelope.status) && !TERMINAL_STATUSES.includes(previousStatus);
  envelope.actionRequired = nextActionRequired(envelope.actionRequired, action, envelope.status);
  envelope.customValues = merged.envelopeValues;
  envelope.firstOpenedAt ??= action === 'workstepOpened' ? at : null;
  if (becameTerminal) envelope.finishedAt ??= at;
  if (at.getTime() >= envelope.lastEventAt.getTime()) {
    envelope.lastEventAt = at;
    envelope.lastAction = action;
  }
  envelope.recipientCount += recipientChange.added ? 1 : 0;
  envelope.signedCount += recipientChange.signed ? 1 : 0;
  const emails = [...state.recipients.values()]
    .filter((recipient) => recipient.envelopeId === envelopeId && recipient.email)
    .map((recipient) => recipient.email!);
  envelope.searchText = buildSearchText(envelopeId, emails, envelope.customValues);
  changes.changedEnvelopes.add(envelopeId);

  return result({
    status: envelope.status,
    isNewFinishCallback: notification.isFinishCallback,
    awaitsConfirmation,
    notices,
    webhookId,
  });
}

/**
 * Moves the envelope's status as the notification says. A final status (a finish callback, a rejection, an expiry)
 * waits for the signing service when one can confirm it: the envelope keeps its status, the claim is recorded, and
 * reconciliation is due at once. Returns whether the notification awaits that confirmation.
 */
function applyStatus(envelope: EnvelopeRow, notification: Notification, confirm: boolean, at: Date): boolean {
  if (notification.isFinishCallback) envelope.finishCallbackAt ??= at;
  // A status the signing service confirmed is never moved by a notification.
  const settled = isSettled(envelope);
  const implied = statusImpliedBy(notification.action, notification.isFinishCallback);
  const claimsFinal = implied !== null && TERMINAL_STATUSES.includes(implied);
  if (!confirm || !claimsFinal) {
    if (!settled) envelope.status = laterStatus(envelope.status, implied);
    return false;
  }
  // What the action itself says still counts (a finish callback may come as workstepFinished or workstepRejected).
  const actionStatus = statusImpliedBy(notification.action, false);
  const claim = actionStatus !== null && TERMINAL_STATUSES.includes(actionStatus) ? actionStatus : null;
  if (!settled && actionStatus !== null && claim === null) envelope.status = laterStatus(envelope.status, actionStatus);
  if (settled) {
    // A notification that agrees with a confirmed final status (or a finish callback that claims nothing else) says
    // nothing new; one that contradicts it has the envelope checked again, without changing what is shown.
    if (claim === null || claim === envelope.status) return false;
  }
  if (claim !== null) {
    const claimed = envelope.claimedStatus === null ? claim : laterStatus(envelope.claimedStatus, claim);
    if (claimed !== envelope.claimedStatus) {
      envelope.claimedStatus = claimed;
      envelope.claimedAt = at;
    }
  }
  envelope.reconciliation = 'pending';
  envelope.nextReconcileAt = at;
  return true;
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

/** Final, and the signing service has said so. */
function isSettled(envelope: EnvelopeRow): boolean {
  return (
    TERMINAL_STATUSES.includes(envelope.status) &&
    (envelope.reconciliation === 'confirmed' || envelope.reconciliation === 'updated')
  );
}

function nextActionRequired(current: boolean, action: string, status: EnvelopeStatus): boolean {
  if (TERMINAL_STATUSES.includes(status)) return false;
  if (action === 'workstepDelegatedSenderActionRequired') return true;
  // Any progress after the delegation means the sender has acted.
  if (['sendSignNotification', 'workstepOpened', 'workstepFinished'].includes(action)) return false;
  return current;
}

function recordRecipientProgress(
  state: BatchState,
  changes: BatchChanges,
  envelope: EnvelopeRow,
  notification: Notification,
  at: Date,
) {
  const key = recipientKeyOf(notification);
  if (!key) return { added: false, signed: false, refused: false };
  const { envelopeId, action } = notification;
  let recipient = state.recipients.get(recipientMapKey(envelopeId, key));
  let added = false;
  if (!recipient && notification.recipientOrder !== null && notification.recipientEmail) {
    // Known so far by e-mail only: now that its order is known, it takes the order key.
    const emailKey = recipientKeyOf({ recipientOrder: null, recipientEmail: notification.recipientEmail })!;
    const byEmail = state.recipients.get(recipientMapKey(envelopeId, emailKey));
    if (byEmail) {
      state.recipients.delete(recipientMapKey(envelopeId, emailKey));
      changes.changedRecipients.delete(recipientMapKey(envelopeId, emailKey));
      recipient = { ...byEmail, key, storedKey: byEmail.storedKey ?? emailKey };
      state.recipients.set(recipientMapKey(envelopeId, key), recipient);
    }
  }
  if (!recipient) {
    if (envelope.recipientCount >= ENVELOPE_LIMITS.recipients) return { added: false, signed: false, refused: true };
    recipient = {
      envelopeId,
      key,
      storedKey: null,
      recipientOrder: notification.recipientOrder,
      email: notification.recipientEmail,
      invitedAt: null,
      firstOpenedAt: null,
      openCount: 0,
      finishedAt: null,
      rejectedAt: null,
      delegatedAt: null,
    };
    state.recipients.set(recipientMapKey(envelopeId, key), recipient);
    added = true;
  }
  const wasSigned = recipient.finishedAt !== null;
  recipient.email = notification.recipientEmail ?? recipient.email;
  recipient.recipientOrder = notification.recipientOrder ?? recipient.recipientOrder;
  if (action === 'sendSignNotification') recipient.invitedAt ??= at;
  if (action === 'workstepOpened') {
    recipient.firstOpenedAt ??= at;
    recipient.openCount += 1;
  }
  if (action === 'workstepFinished') recipient.finishedAt ??= at;
  if (action === 'workstepRejected') recipient.rejectedAt ??= at;
  if (action.startsWith('workstepDelegated')) recipient.delegatedAt ??= at;
  changes.changedRecipients.add(recipientMapKey(envelopeId, key));
  return { added, signed: !wasSigned && recipient.finishedAt !== null, refused: false };
}
