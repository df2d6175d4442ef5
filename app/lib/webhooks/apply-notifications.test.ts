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
    details: null,
    notices: [],
    ...fields,
  };
  return {
    notification,
    confirmFinalStatus: confirmFinishCallback,
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

const emptyState = (): BatchState => ({
  envelopes: new Map(),
  recipients: new Map(),
  storedEvents: [],
  seenWebhookIds: new Set(),
});

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

  it('waits for the signing service before taking the rejection a finish callback reports by its action', () => {
    const state = emptyState();
    applyNotifications(state, [confirmed({ action: 'workstepRejected', recipientOrder: 1, isFinishCallback: true })]);
    expect(state.envelopes.get('env-1')).toMatchObject({
      status: 'sent',
      claimedStatus: 'rejected',
      reconciliation: 'pending',
    });
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

describe('final statuses when the signing service confirms statuses', () => {
  const confirmed = (fields: Partial<Notification> & { action: string }, seconds = 0) => job(fields, seconds, true);

  it('records a notified rejection or expiry as a claim to confirm, leaving the status as it was', () => {
    const state = emptyState();
    applyNotifications(state, [confirmed({ action: 'workstepOpened', recipientOrder: 1 })]);
    const changes = applyNotifications(state, [confirmed({ action: 'workstepRejected', recipientOrder: 1 }, 30)]);
    expect(changes.results[0]).toMatchObject({ awaitsConfirmation: true, status: 'opened' });
    expect(state.envelopes.get('env-1')).toMatchObject({
      status: 'opened',
      finishedAt: null,
      claimedStatus: 'rejected',
      claimedAt: new Date(T0 + 30_000),
      reconciliation: 'pending',
      nextReconcileAt: new Date(T0 + 30_000),
    });
    applyNotifications(state, [confirmed({ action: 'envelopeExpired' }, 60)]);
    expect(state.envelopes.get('env-1')).toMatchObject({ status: 'opened', claimedStatus: 'rejected' });
  });

  it('never changes a confirmed final status, and has a contradicting notification checked again', () => {
    const state = emptyState();
    applyNotifications(state, [confirmed({ action: 'envelopeFinished' })]);
    const envelope = state.envelopes.get('env-1')!;
    Object.assign(envelope, { status: 'completed', reconciliation: 'confirmed', nextReconcileAt: null });

    const forged = applyNotifications(state, [confirmed({ action: 'workstepRejected', recipientOrder: 1 }, 60)]);
    expect(forged.results[0]).toMatchObject({ awaitsConfirmation: true, status: 'completed' });
    expect(envelope).toMatchObject({
      status: 'completed',
      claimedStatus: 'rejected',
      reconciliation: 'pending',
      nextReconcileAt: new Date(T0 + 60_000),
    });
  });

  it('never changes a confirmed final status without a signing service either', () => {
    const state = emptyState();
    applyNotifications(state, [job({ action: 'envelopeFinished' })]);
    Object.assign(state.envelopes.get('env-1')!, { reconciliation: 'confirmed' });
    applyNotifications(state, [job({ action: 'workstepRejected', recipientOrder: 1 }, 60)]);
    expect(state.envelopes.get('env-1')).toMatchObject({ status: 'completed', claimedStatus: null });
  });
});

describe('who may change an envelope', () => {
  const fromHook = (hookId: string, fields: Partial<Notification> & { action: string }, seconds = 0) => {
    const built = job(fields, seconds);
    return { ...built, delivery: { ...built.delivery, hookId } };
  };

  it('refuses a notification for an envelope another hook reported first, changing nothing', () => {
    const state = emptyState();
    applyNotifications(state, [fromHook('hook-a', { action: 'workstepOpened', recipientOrder: 1 })]);
    const before = structuredClone(state.envelopes.get('env-1'));
    const changes = applyNotifications(state, [
      fromHook('hook-b', { action: 'workstepRejected', recipientOrder: 1, customValues: { x: '1' } }, 10),
    ]);
    expect(changes.results[0]?.refusal?.code).toBe('envelope_belongs_to_another_hook');
    expect(changes.newEvents).toHaveLength(0);
    expect(changes.changedEnvelopes.size).toBe(0);
    expect(state.envelopes.get('env-1')).toEqual(before);
  });

  it('processes a signed message id once, in one batch and across batches', () => {
    const state = emptyState();
    const signed = (seconds: number) => ({
      ...job({ action: 'workstepOpened', recipientOrder: 1 }, seconds),
      webhookId: 'msg_1',
    });
    const first = applyNotifications(state, [signed(0), signed(1)]);
    expect(first.results.map((result) => [result.duplicate, result.webhookId])).toEqual([
      [false, 'msg_1'],
      [true, null],
    ]);
    state.seenWebhookIds.add('hook\nmsg_2');
    const later = applyNotifications(state, [
      { ...job({ action: 'workstepFinished', recipientOrder: 1 }, 600), webhookId: 'msg_2' },
    ]);
    expect(later.results[0]).toMatchObject({ duplicate: true });
    expect(later.newEvents).toHaveLength(0);
  });
});

describe('an envelope stays within its limits', () => {
  it('keeps at most 50 custom values of 16,384 characters in all, saying what it dropped', () => {
    const state = emptyState();
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`k${index}`, 'v']));
    const first = applyNotifications(state, [job({ action: 'unknownA', customValues: many })]);
    expect(Object.keys(state.envelopes.get('env-1')!.customValues)).toHaveLength(50);
    expect(first.results[0]?.notices.join(' ')).toContain(
      '10 custom fields ("k50", "k51", "k52", "k53", "k54" and 5 more) were not kept',
    );

    const big = {
      k0: 'x'.repeat(2000),
      ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`big${i}`, 'y'.repeat(2000)])),
    };
    applyNotifications(state, [job({ action: 'unknownB', customValues: big }, 1)]);
    const values = state.envelopes.get('env-1')!.customValues;
    const length = Object.entries(values).reduce((sum, [key, value]) => sum + key.length + value.length, 0);
    expect(length).toBeLessThanOrEqual(16_384);
    expect(values.k0).toBe('x'.repeat(2000));
    expect(Object.keys(values)).toHaveLength(50);
  });

  it('keeps at most 100 recipients, still putting the event on the timeline', () => {
    const state = emptyState();
    const invites = Array.from({ length: 105 }, (_, index) =>
      job({ action: 'sendSignNotification', recipientOrder: index + 1 }, index),
    );
    const changes = applyNotifications(state, invites);
    expect(state.envelopes.get('env-1')?.recipientCount).toBe(100);
    expect([...state.recipients.keys()]).toHaveLength(100);
    expect(changes.newEvents).toHaveLength(105);
    expect(changes.results[104]?.notices.join(' ')).toContain('at most 100 recipients');
  });

  it('stops adding repeatable events at 1,000 but still takes a signature and the finish', () => {
    const state = emptyState();
    applyNotifications(state, [job({ action: 'workstepOpened', recipientOrder: 1 })]);
    Object.assign(state.envelopes.get('env-1')!, { eventCount: 1000 });
    const changes = applyNotifications(state, [
      job({ action: 'someUnknownAction' }, 120),
      job({ action: 'workstepOpened', recipientOrder: 1 }, 240),
      job({ action: 'workstepFinished', recipientOrder: 1 }, 300),
      job({ action: 'envelopeFinished' }, 360),
    ]);
    expect(changes.newEvents.map((event) => event.action)).toEqual(['workstepFinished', 'envelopeFinished']);
    expect(changes.results[0]).toMatchObject({ duplicate: false });
    expect(changes.results[0]?.notices.join(' ')).toContain('Not added to the timeline');
    expect(state.envelopes.get('env-1')).toMatchObject({ status: 'completed', eventCount: 1002 });
  });

  it('cuts the search text at 8,192 characters, the id and e-mails first', () => {
    const state = emptyState();
    const values = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`v${index}`, 'z'.repeat(2000)]));
    applyNotifications(state, [
      job({ action: 'workstepOpened', recipientEmail: 'a@example.com', customValues: values }),
    ]);
    const searchText = state.envelopes.get('env-1')!.searchText;
    expect(searchText).toHaveLength(8192);
    expect(searchText.startsWith('env-1\na@example.com\n')).toBe(true);
  });
});
