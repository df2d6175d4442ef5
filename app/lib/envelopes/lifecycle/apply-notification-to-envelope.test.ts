import { describe, expect, it } from 'vitest';
import {
  applyNotificationToEnvelope,
  NEW_RECIPIENT,
  type EnvelopeLifecycle,
  type NotificationChange,
  type RecipientLifecycle,
} from './apply-notification-to-envelope';
import { reconciliationTransitions } from './decide-reconciliation';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 10, minute));
const alice = { order: 1, email: 'alice@example.com' };

function change(action: string, minute: number, fields: Partial<NotificationChange> = {}): NotificationChange {
  return {
    envelopeId: 'env-1',
    action,
    isFinishCallback: false,
    at: at(minute),
    recipient: alice,
    confirmFinalStatus: false,
    ...fields,
  };
}

/** Applies changes one after another, as ingest does, gathering the transitions. */
function live(changes: NotificationChange[], start: EnvelopeLifecycle | null = null) {
  let envelope = start;
  let recipient: RecipientLifecycle | null = null;
  const transitions = [];
  for (const next of changes) {
    const outcome = applyNotificationToEnvelope({ envelope, recipient, change: next });
    envelope = outcome.envelope;
    recipient = outcome.recipient ?? recipient;
    transitions.push(...outcome.transitions);
  }
  return { envelope: envelope!, recipient, transitions };
}

describe('applyNotificationToEnvelope', () => {
  it('names the transitions of an envelope life, first open only, up to the signature', () => {
    const { envelope, transitions } = live([
      change('sendSignNotification', 0),
      change('workstepOpened', 1),
      change('workstepOpened', 2),
      change('workstepFinished', 3),
    ]);
    expect(envelope).toMatchObject({
      status: 'partially_signed',
      firstOpenedAt: at(1),
      lastAction: 'workstepFinished',
    });
    expect(transitions.map(({ kind, from, to }) => `${kind}:${from}->${to}`)).toEqual([
      'status:null->sent',
      'recipient:null->invited',
      'recipient:invited->opened',
      'status:sent->opened',
      'recipient:opened->signed',
      'status:opened->partially_signed',
    ]);
    expect(transitions[0]).toMatchObject({ envelopeId: 'env-1', cause: 'notification', confirmed: false, at: at(0) });
    expect(transitions[1]).toMatchObject({ recipient: alice });
  });

  it('records a reported final status as a claim when the signing service can confirm it, leaving the status', () => {
    const { envelope, transitions } = live([
      change('workstepOpened', 0),
      change('workstepFinished', 1, { isFinishCallback: true, recipient: null, confirmFinalStatus: true }),
      change('workstepRejected', 2, { confirmFinalStatus: true }),
    ]);
    expect(envelope).toMatchObject({
      status: 'partially_signed',
      claimedStatus: 'rejected',
      reconciliation: 'pending',
    });
    const claims = transitions.filter((transition) => transition.kind === 'status_claimed');
    expect(claims).toEqual([
      expect.objectContaining({ from: 'partially_signed', to: 'rejected', cause: 'notification' }),
    ]);
    expect(
      transitions.find((transition) => transition.kind === 'status' && transition.to === 'partially_signed'),
    ).toMatchObject({ cause: 'finish_callback' });
  });

  it('ends the envelope at once when no signing service can confirm, and clears the sender action', () => {
    const { envelope, transitions } = live([
      change('workstepDelegatedSenderActionRequired', 0),
      change('workstepRejected', 1),
    ]);
    expect(envelope).toMatchObject({ status: 'rejected', actionRequired: false, finishedAt: at(1) });
    expect(transitions.filter((transition) => transition.kind === 'sender_action')).toEqual([
      expect.objectContaining({ from: false, to: true, at: at(0) }),
      expect.objectContaining({ from: true, to: false, at: at(1) }),
    ]);
  });

  it('never moves a status the signing service confirmed, and has a contradiction checked again', () => {
    const confirmed = { ...live([change('workstepFinished', 0)]).envelope, status: 'completed' as const };
    const settled = { ...confirmed, reconciliation: 'confirmed' as const };
    const { envelope, transitions } = live([change('workstepRejected', 5, { confirmFinalStatus: true })], settled);
    expect(envelope).toMatchObject({ status: 'completed', claimedStatus: 'rejected', nextReconcileAt: at(5) });
    expect(transitions.some((transition) => transition.kind === 'status')).toBe(false);
  });

  it('changes neither the envelope nor the recipient it is given', () => {
    const envelope = live([change('sendSignNotification', 0)]).envelope;
    const frozenEnvelope = structuredClone(envelope);
    const recipient = { ...NEW_RECIPIENT, invitedAt: at(0) };
    applyNotificationToEnvelope({ envelope, recipient, change: change('workstepFinished', 1) });
    expect(envelope).toEqual(frozenEnvelope);
    expect(recipient).toEqual({ ...NEW_RECIPIENT, invitedAt: at(0) });
  });

  it('keeps the last action of the latest event when notifications arrive out of order', () => {
    const { envelope } = live([change('workstepOpened', 5), change('sendSignNotification', 1)]);
    expect(envelope).toMatchObject({ status: 'opened', lastEventAt: at(5), lastAction: 'workstepOpened' });
  });
});

describe('reconciliationTransitions', () => {
  it('names a confirmed status change and the verdict, with the signing service as the cause', () => {
    const transitions = reconciliationTransitions({
      envelopeId: 'env-1',
      before: { status: 'partially_signed', reconciliation: 'pending' },
      after: { status: 'completed', reconciliation: 'confirmed' },
      providerStatus: 'Completed',
      at: at(9),
    });
    expect(transitions).toEqual([
      expect.objectContaining({ kind: 'status', from: 'partially_signed', to: 'completed', confirmed: true }),
      expect.objectContaining({
        kind: 'reconciliation',
        from: 'pending',
        to: 'confirmed',
        providerStatus: 'Completed',
      }),
    ]);
    expect(transitions.every((transition) => transition.cause === 'reconciliation')).toBe(true);
  });

  it('names nothing when the answer changed nothing', () => {
    const same = { status: 'completed' as const, reconciliation: 'confirmed' as const };
    expect(
      reconciliationTransitions({ envelopeId: 'e', before: same, after: same, providerStatus: 'Completed', at: at(0) }),
    ).toEqual([]);
  });
});
