import { describe, expect, it } from 'vitest';
import { applyNotifications, recipientMapKey, type BatchState, type Job } from './apply-notifications';
import type { Notification } from './parse-notification';

const T0 = new Date('2026-06-01T10:00:00Z').getTime();
let counter = 0;

function job(
  fields: Partial<Notification> & { action: string },
  secondsAfterStart = 0,
  confirmFinishCallback?: boolean,
): Job {
  const notification: Notification = {
    envelopeId: 'env-1',
    recipientEmail: null,
    recipientOrder: null,
    isFinishCallback: fields.action === 'envelopeFinished',
    customValues: {},
    ...fields,
  };
  return {
    notification,
    confirmFinishCallback,
    deliveryId: `delivery-${++counter}`,
    delivery: {
      hookId: 'hook',
      receivedAt: new Date(T0 + secondsAfterStart * 1000),
      method: 'GET',
      query: '',
      body: null,
      contentType: null,
      headers: {},
      sourceAddress: null,
    },
  };
}

const emptyState = (): BatchState => ({ envelopes: new Map(), recipients: new Map(), storedEvents: [] });

describe('applying a batch of notifications in memory', () => {
  it('stores the first copy of a milestone and counts the copies in the same batch', () => {
    const state = emptyState();
    const finish = job({ action: 'envelopeFinished' });
    const changes = applyNotifications(state, [
      finish,
      job({ action: 'envelopeFinished' }),
      job({ action: 'envelopeFinished' }),
    ]);
    expect(changes.results.map((result) => result.duplicate)).toEqual([false, true, true]);
    expect(changes.newEvents).toHaveLength(1);
    expect(changes.newEvents[0]).toMatchObject({ duplicateCount: 2, isFinishCallback: true });
    expect(state.envelopes.get('env-1')?.status).toBe('completed');
  });

  it('counts a copy of an event stored earlier instead of storing it again', () => {
    const state = emptyState();
    applyNotifications(state, [job({ action: 'workstepFinished', recipientOrder: 1 })]);
    state.storedEvents.push({
      id: 7,
      envelopeId: 'env-1',
      dedupeKey: 'workstepFinished|order:1',
      occurredAt: new Date(T0),
    });
    const changes = applyNotifications(state, [job({ action: 'workstepFinished', recipientOrder: 1 }, 3600)]);
    expect(changes.results[0]?.duplicate).toBe(true);
    expect(changes.storedDuplicates.get(7)).toEqual({ count: 1, lastAt: new Date(T0 + 3_600_000) });
    expect(changes.newEvents).toHaveLength(0);
  });

  it('folds opens within 60 seconds and keeps later ones as new events', () => {
    const state = emptyState();
    const open = { action: 'workstepOpened', recipientOrder: 1, recipientEmail: 'a@example.com' };
    const changes = applyNotifications(state, [job(open, 0), job(open, 59), job(open, 300)]);
    expect(changes.results.map((result) => result.duplicate)).toEqual([false, true, false]);
    const recipient = state.recipients.get(recipientMapKey('env-1', 'order:1'));
    expect(recipient).toMatchObject({ openCount: 2, firstOpenedAt: new Date(T0) });
  });

  it('moves status only forward and lets a rejection outrank completion', () => {
    const state = emptyState();
    applyNotifications(state, [
      job({ action: 'envelopeFinished' }),
      job({ action: 'workstepOpened', recipientOrder: 1 }, 10),
    ]);
    expect(state.envelopes.get('env-1')?.status).toBe('completed');
    applyNotifications(state, [job({ action: 'workstepRejected', recipientOrder: 2 }, 20)]);
    expect(state.envelopes.get('env-1')?.status).toBe('rejected');
  });

  it('gives a recipient known by e-mail its order key once the order is known, without counting it twice', () => {
    const state = emptyState();
    applyNotifications(state, [job({ action: 'sendSignNotification', recipientEmail: 'B@Example.com' })]);
    applyNotifications(state, [
      job({ action: 'workstepFinished', recipientEmail: 'B@Example.com', recipientOrder: 2 }, 5),
    ]);
    const recipient = state.recipients.get(recipientMapKey('env-1', 'order:2'));
    expect(recipient).toMatchObject({
      storedKey: 'email:b%40example.com',
      email: 'B@Example.com',
      finishedAt: new Date(T0 + 5000),
    });
    expect(state.recipients.has(recipientMapKey('env-1', 'email:b%40example.com'))).toBe(false);
    expect(state.envelopes.get('env-1')).toMatchObject({
      recipientCount: 1,
      signedCount: 1,
      status: 'partially_signed',
    });
  });

  it('keeps custom values and makes e-mails and values searchable', () => {
    const state = emptyState();
    applyNotifications(state, [
      job({
        action: 'workstepOpened',
        recipientEmail: 'Ana@Example.com',
        recipientOrder: 1,
        customValues: { contract: 'K-7' },
      }),
    ]);
    const envelope = state.envelopes.get('env-1');
    expect(envelope?.customValues).toEqual({ contract: 'K-7' });
    expect(envelope?.searchText.split('\n')).toEqual(['env-1', 'ana@example.com', 'contract=k-7']);
  });
});

describe('finish callbacks when the signing service confirms statuses', () => {
  const confirmed = (fields: Partial<Notification> & { action: string }, seconds = 0) => job(fields, seconds, true);

  it('leaves the envelope unfinished and marks it for confirmation now', () => {
    const state = emptyState();
    applyNotifications(state, [confirmed({ action: 'workstepFinished', recipientOrder: 1 })]);
    const changes = applyNotifications(state, [confirmed({ action: 'envelopeFinished' }, 30)]);
    expect(changes.results[0]).toMatchObject({
      duplicate: false,
      isNewFinishCallback: true,
      status: 'partially_signed',
    });
    expect(state.envelopes.get('env-1')).toMatchObject({
      status: 'partially_signed',
      finishedAt: null,
      finishCallbackAt: new Date(T0 + 30_000),
      reconciliation: 'pending',
      nextReconcileAt: new Date(T0 + 30_000),
    });
    expect(changes.newEvents[0]).toMatchObject({ action: 'envelopeFinished', isFinishCallback: true });
  });

  it('still takes the status a finish callback implies by its action (a rejection)', () => {
    const state = emptyState();
    applyNotifications(state, [confirmed({ action: 'workstepRejected', recipientOrder: 1, isFinishCallback: true })]);
    expect(state.envelopes.get('env-1')).toMatchObject({ status: 'rejected', reconciliation: 'pending' });
  });

  it('keeps the first finish callback time and does not reopen a settled envelope', () => {
    const state = emptyState();
    applyNotifications(state, [confirmed({ action: 'envelopeFinished' })]);
    const envelope = state.envelopes.get('env-1')!;
    Object.assign(envelope, { status: 'completed', reconciliation: 'confirmed', nextReconcileAt: null });
    applyNotifications(state, [
      confirmed({ action: 'workstepFinished', recipientOrder: 2, isFinishCallback: true }, 60),
    ]);
    expect(envelope).toMatchObject({
      status: 'completed',
      reconciliation: 'confirmed',
      nextReconcileAt: null,
      finishCallbackAt: new Date(T0),
    });
  });

  it('completes at once, as before, when the service cannot confirm', () => {
    const state = emptyState();
    applyNotifications(state, [job({ action: 'envelopeFinished' }, 0, false)]);
    expect(state.envelopes.get('env-1')).toMatchObject({
      status: 'completed',
      finishedAt: new Date(T0),
      finishCallbackAt: new Date(T0),
      reconciliation: 'not_checked',
      nextReconcileAt: null,
    });
  });
});
