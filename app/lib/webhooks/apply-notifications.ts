import type { EnvelopeStatus, ReconciliationState } from '@/app/generated/prisma/sqlite/enums';
import type { DeliveryRecord } from './delivery-record';
import { isRepeatable, laterStatus, REPEAT_WINDOW_MS, statusImpliedBy, TERMINAL_STATUSES } from './envelope-actions';
import type { Notification } from './parse-notification';

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
  dedupeKey: string;
  duplicateCount: number;
  lastDuplicateAt: Date | null;
};

export type Job = {
  delivery: DeliveryRecord;
  notification: Notification;
  deliveryId: string;
  /**
   * Set when the signing service can be asked for the envelope's status: a finish callback then
   * only marks the envelope for confirmation (a forged or premature one must not complete it).
   */
  confirmFinishCallback?: boolean;
};

export type JobResult = {
  deliveryId: string;
  duplicate: boolean;
  status: EnvelopeStatus;
  isNewFinishCallback: boolean;
};

/** What the database held for the envelopes of a batch; changed in place by `applyNotifications`. */
export type BatchState = {
  envelopes: Map<string, EnvelopeRow>;
  recipients: Map<string, RecipientRow>; // by `${envelopeId}\n${key}`
  storedEvents: StoredEvent[];
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
  return [envelopeId, ...new Set(emails), ...values].join('\n').toLowerCase();
}

export const recipientMapKey = (envelopeId: string, key: string) => `${envelopeId}\n${key}`;

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
  const base = dedupeBaseOf(notification);
  const repeatable = isRepeatable(action);
  let envelope = state.envelopes.get(envelopeId);

  const earlier = envelope ? findEarlierCopy(state, changes, envelopeId, base, repeatable, at) : null;
  if (envelope && earlier) {
    if (earlier.fresh) {
      earlier.fresh.duplicateCount += 1;
      earlier.fresh.lastDuplicateAt = at;
    } else if (earlier.stored) {
      const counted = changes.storedDuplicates.get(earlier.stored.id) ?? { count: 0, lastAt: at };
      changes.storedDuplicates.set(earlier.stored.id, { count: counted.count + 1, lastAt: at });
    }
    return { deliveryId, duplicate: true, status: envelope.status, isNewFinishCallback: false };
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
      reconciliation: 'not_checked',
      nextReconcileAt: null,
    };
    state.envelopes.set(envelopeId, envelope);
  }

  changes.newEvents.push({
    envelopeId,
    deliveryId,
    action,
    occurredAt: at,
    recipientEmail: notification.recipientEmail,
    recipientOrder: notification.recipientOrder,
    isFinishCallback: notification.isFinishCallback,
    customValues: notification.customValues,
    dedupeKey: repeatable ? `${base}|${at.getTime()}` : base,
    duplicateCount: 0,
    lastDuplicateAt: null,
  });

  const recipientChange = recordRecipientProgress(state, changes, notification, at);
  const previousStatus = envelope.status;
  const awaitsConfirmation = notification.isFinishCallback && job.confirmFinishCallback === true;
  envelope.status = laterStatus(
    previousStatus,
    statusImpliedBy(action, notification.isFinishCallback && !awaitsConfirmation),
  );
  if (notification.isFinishCallback) envelope.finishCallbackAt ??= at;
  if (awaitsConfirmation && !isSettled(envelope)) {
    envelope.reconciliation = 'pending';
    envelope.nextReconcileAt = at;
  }
  const becameTerminal = TERMINAL_STATUSES.includes(envelope.status) && !TERMINAL_STATUSES.includes(previousStatus);
  envelope.actionRequired = nextActionRequired(envelope.actionRequired, action, envelope.status);
  envelope.customValues = { ...envelope.customValues, ...notification.customValues };
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

  return { deliveryId, duplicate: false, status: envelope.status, isNewFinishCallback: notification.isFinishCallback };
}

/** Final, and the signing service has already said so: another finish callback has nothing to confirm. */
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

function recordRecipientProgress(state: BatchState, changes: BatchChanges, notification: Notification, at: Date) {
  const key = recipientKeyOf(notification);
  if (!key) return { added: false, signed: false };
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
  return { added, signed: !wasSigned && recipient.finishedAt !== null };
}
