import type { ReconciliationState } from '@/app/generated/prisma/sqlite/enums';
import { recipientStageOf, senderActionOf, statusImpliedBy, type RecipientStage } from './envelope-actions';
import { isFinalStatus, laterStatus, type EnvelopeStatus } from './envelope-statuses';
import type { EnvelopeTransition, TransitionCause, TransitionRecipient } from './envelope-transitions';

/** The part of an envelope its life decides: status, milestones, the claim waiting for confirmation. */
export type EnvelopeLifecycle = {
  status: EnvelopeStatus;
  actionRequired: boolean;
  firstOpenedAt: Date | null;
  finishedAt: Date | null;
  lastEventAt: Date;
  lastAction: string;
  finishCallbackAt: Date | null;
  /** A final status a notification reported that the signing service has not confirmed yet. */
  claimedStatus: EnvelopeStatus | null;
  claimedAt: Date | null;
  reconciliation: ReconciliationState;
  nextReconcileAt: Date | null;
};

/** The part of a recipient its life decides: when it reached each stage. */
export type RecipientLifecycle = {
  invitedAt: Date | null;
  firstOpenedAt: Date | null;
  openCount: number;
  finishedAt: Date | null;
  rejectedAt: Date | null;
  delegatedAt: Date | null;
};

export type NotificationChange = {
  envelopeId: string;
  action: string;
  isFinishCallback: boolean;
  at: Date;
  recipient: TransitionRecipient | null;
  /**
   * The signing service can be asked: a final status the notification reports then only marks the envelope for
   * confirmation, so a forged or premature one never ends it.
   */
  confirmFinalStatus: boolean;
};

export type NotificationOutcome = {
  envelope: EnvelopeLifecycle;
  /** Null when the notification concerns no recipient. */
  recipient: RecipientLifecycle | null;
  /** A final status was reported that the signing service is to confirm. */
  awaitsConfirmation: boolean;
  transitions: EnvelopeTransition[];
};

export const NEW_RECIPIENT: RecipientLifecycle = {
  invitedAt: null,
  firstOpenedAt: null,
  openCount: 0,
  finishedAt: null,
  rejectedAt: null,
  delegatedAt: null,
};

/**
 * What one notification does to an envelope (null: first seen) and its recipient: the new state and the transitions,
 * computed without touching its inputs.
 */
export function applyNotificationToEnvelope(options: {
  envelope: EnvelopeLifecycle | null;
  recipient: RecipientLifecycle | null;
  change: NotificationChange;
}): NotificationOutcome {
  const { change } = options;
  const { action, at } = change;
  const before = options.envelope;
  const envelope: EnvelopeLifecycle = before ? { ...before } : firstSeen(change);
  const transitions: EnvelopeTransition[] = [];
  const cause: TransitionCause = change.isFinishCallback ? 'finish_callback' : 'notification';
  const base = {
    envelopeId: change.envelopeId,
    cause,
    recipient: change.recipient,
    at,
  };
  if (!before) transitions.push({ ...base, kind: 'status', from: null, to: envelope.status, confirmed: false });

  const recipient = change.recipient ? advanceRecipient(options.recipient ?? NEW_RECIPIENT, action, at) : null;
  const reached = recipient && stageOf(recipient);
  const wasAt = options.recipient ? stageOf(options.recipient) : null;
  if (change.recipient && reached && reached !== wasAt) {
    transitions.push({ ...base, kind: 'recipient', recipient: change.recipient, from: wasAt, to: reached });
  }

  const previousStatus = envelope.status;
  const previousClaim = envelope.claimedStatus;
  const awaitsConfirmation = applyStatus(envelope, change);
  if (envelope.status !== previousStatus) {
    transitions.push({ ...base, kind: 'status', from: previousStatus, to: envelope.status, confirmed: false });
  }
  if (envelope.claimedStatus !== previousClaim && envelope.claimedStatus && isFinalStatus(envelope.claimedStatus)) {
    transitions.push({ ...base, kind: 'status_claimed', from: envelope.status, to: envelope.claimedStatus });
  }

  const actionRequired = nextActionRequired(envelope.actionRequired, action, envelope.status);
  if (actionRequired !== envelope.actionRequired) {
    transitions.push({ ...base, kind: 'sender_action', from: envelope.actionRequired, to: actionRequired });
  }
  envelope.actionRequired = actionRequired;
  if (recipientStageOf(action) === 'opened') envelope.firstOpenedAt ??= at;
  if (isFinalStatus(envelope.status) && !isFinalStatus(previousStatus)) envelope.finishedAt ??= at;
  if (at.getTime() >= envelope.lastEventAt.getTime()) {
    envelope.lastEventAt = at;
    envelope.lastAction = action;
  }
  return { envelope, recipient, awaitsConfirmation, transitions };
}

function firstSeen(change: NotificationChange): EnvelopeLifecycle {
  return {
    status: 'sent',
    actionRequired: false,
    firstOpenedAt: null,
    finishedAt: null,
    lastEventAt: change.at,
    lastAction: change.action,
    finishCallbackAt: null,
    claimedStatus: null,
    claimedAt: null,
    reconciliation: 'not_checked',
    nextReconcileAt: null,
  };
}

/**
 * Moves the envelope's status as the notification says. A final status (a finish callback, a rejection, an expiry)
 * waits for the signing service when one can confirm it: the envelope keeps its status, the claim is recorded, and
 * reconciliation is due at once. Returns whether the notification awaits that confirmation.
 */
function applyStatus(envelope: EnvelopeLifecycle, change: NotificationChange): boolean {
  const { action, at, isFinishCallback } = change;
  if (isFinishCallback) envelope.finishCallbackAt ??= at;
  // A status the signing service confirmed is never moved by a notification.
  const settled = isSettled(envelope);
  const implied = statusImpliedBy(action, isFinishCallback);
  const claimsFinal = implied !== null && isFinalStatus(implied);
  if (!change.confirmFinalStatus || !claimsFinal) {
    if (!settled) envelope.status = laterStatus(envelope.status, implied);
    return false;
  }
  // What the action itself says still counts (a finish callback may come as workstepFinished or workstepRejected).
  const actionStatus = statusImpliedBy(action, false);
  const claim = actionStatus !== null && isFinalStatus(actionStatus) ? actionStatus : null;
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

/** Final, and the signing service has said so. */
function isSettled(envelope: EnvelopeLifecycle): boolean {
  return (
    isFinalStatus(envelope.status) && (envelope.reconciliation === 'confirmed' || envelope.reconciliation === 'updated')
  );
}

function nextActionRequired(current: boolean, action: string, status: EnvelopeStatus): boolean {
  if (isFinalStatus(status)) return false;
  const senderAction = senderActionOf(action);
  if (senderAction === 'required') return true;
  // Any progress after the delegation means the sender has acted.
  if (senderAction === 'resolved') return false;
  return current;
}

function advanceRecipient(current: RecipientLifecycle, action: string, at: Date): RecipientLifecycle {
  const recipient = { ...current };
  switch (recipientStageOf(action)) {
    case 'invited':
      recipient.invitedAt ??= at;
      break;
    case 'opened':
      recipient.firstOpenedAt ??= at;
      recipient.openCount += 1;
      break;
    case 'signed':
      recipient.finishedAt ??= at;
      break;
    case 'rejected':
      recipient.rejectedAt ??= at;
      break;
    case 'delegated':
      recipient.delegatedAt ??= at;
      break;
    case null:
      break;
  }
  return recipient;
}

/** The furthest stage a recipient has reached. */
export function stageOf(recipient: RecipientLifecycle): RecipientStage | null {
  if (recipient.rejectedAt) return 'rejected';
  if (recipient.finishedAt) return 'signed';
  if (recipient.delegatedAt) return 'delegated';
  if (recipient.firstOpenedAt) return 'opened';
  if (recipient.invitedAt) return 'invited';
  return null;
}
