import { describe, expect, it } from 'vitest';
import { replayDelivery } from '@/app/lib/deliveries/replay-delivery';
import { prisma } from '@/app/lib/db/prisma';
import { makeTestPdf } from '@/app/testing/fake-esignanywhere-server';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { getEnvelopeRow, sendWebhook } from '@/app/testing/webhook-test-helpers';
import { reconcileEnvelope } from './reconcile-envelope';
import { sweepSigningWork } from './sweep-signing-work';

const { fake, provider } = await startFakeEsignAnyWhereForFile();

const DAY_MS = 24 * 3_600_000;
const activities = [
  { email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu', status: 'Completed' },
  { email: 'bo@example.com', givenName: 'Bo', surname: 'Berg', status: 'Completed' },
];

/** A day and a minute on: an envelope quiet since now is due for a check with the signing service. */
const nextDay = () => new Date(Date.now() + DAY_MS + 60_000);

/** The background sweep, over this one envelope (other test files share the database). */
const sweep = (envelopeId: string, now?: () => Date) => sweepSigningWork({ provider, now, envelopeIds: [envelopeId] });

/** The envelope's row, once checked to hold `expected`. */
async function expectEnvelope(envelopeId: string, expected: Record<string, unknown>) {
  const envelope = await getEnvelopeRow(envelopeId);
  expect(envelope).toMatchObject(expected);
  return envelope;
}

async function completedFiles(envelopeId: string) {
  return {
    documents: [{ fileId: `${envelopeId}-doc`, fileName: 'Contract.pdf', bytes: await makeTestPdf('signed') }],
    auditTrail: { fileId: `${envelopeId}-audit`, fileName: 'audit.pdf', bytes: await makeTestPdf('audit') },
  };
}

describe('confirming a finish callback with the signing service', () => {
  it('holds the envelope until the service confirms it, then completes it and fetches its documents', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    const waiting = await expectEnvelope(envelopeId, {
      status: 'partially_signed',
      reconciliation: 'pending',
      finishedAt: null,
    });
    expect(waiting?.finishCallbackAt).not.toBeNull();
    expect(waiting?.nextReconcileAt).toEqual(waiting?.finishCallbackAt);
    expect(waiting?.events.at(-1)).toMatchObject({ action: 'envelopeFinished', isFinishCallback: true });

    fake.setEnvelope(envelopeId, { status: 'Completed', activities, ...(await completedFiles(envelopeId)) });
    expect(await sweep(envelopeId)).toEqual({ reconciled: 1, fetched: 1, scheduled: 0, detailsRead: 0 });

    const envelope = await expectEnvelope(envelopeId, {
      status: 'completed',
      reconciliation: 'confirmed',
      providerStatus: 'Completed',
      reconciliationError: null,
      nextReconcileAt: null,
      finishedAt: waiting?.finishCallbackAt,
      signedCount: 2,
    });
    expect(envelope?.recipients.map((recipient) => [recipient.email, recipient.name])).toEqual([
      ['ana@example.com', 'Ana Popescu'],
      ['bo@example.com', 'Bo Berg'],
    ]);
    // Confirmed, not learnt: no event of its own.
    expect(envelope?.events.every((event) => event.source === 'notification')).toBe(true);
    expect(await prisma.document.count({ where: { envelopeId } })).toBe(2);
    expect(await prisma.documentFetch.findUnique({ where: { envelopeId } })).toMatchObject({ status: 'stored' });
  });

  it('never completes on a finish callback for an envelope the service reports Active', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, { status: 'Active', activities });
    expect(await reconcileEnvelope({ envelopeId, provider })).toEqual({
      ran: true,
      reconciliation: 'mismatch',
      fetchDocuments: false,
      transitions: [
        expect.objectContaining({ kind: 'reconciliation', from: 'pending', to: 'mismatch', providerStatus: 'Active' }),
      ],
    });
    const envelope = await expectEnvelope(envelopeId, {
      status: 'partially_signed',
      reconciliation: 'mismatch',
      providerStatus: 'Active',
    });
    expect(envelope?.reconciliationError).toMatch(/reports the envelope Active, so it is not shown as finished/);
    expect(envelope!.nextReconcileAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.documentFetch.findUnique({ where: { envelopeId } })).toBeNull();

    // Copies of the callback change nothing; a later check that finds it completed does.
    await sendWebhook(envelope!.hookId, {
      query: { envelopeId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' },
    });
    await expectEnvelope(envelopeId, { status: 'partially_signed', reconciliation: 'mismatch' });
    fake.setEnvelope(envelopeId, { status: 'Completed', activities });
    const later = () => new Date(Date.now() + 3_600_000);
    expect(await reconcileEnvelope({ envelopeId, provider, now: later })).toMatchObject({
      reconciliation: 'confirmed',
      // The confirmation is what completes the envelope: one status transition, from the signing service.
      transitions: [
        expect.objectContaining({ kind: 'status', from: 'partially_signed', to: 'completed', confirmed: true }),
        expect.objectContaining({ kind: 'reconciliation', from: 'mismatch', to: 'confirmed' }),
      ],
    });
    await expectEnvelope(envelopeId, { status: 'completed', reconciliation: 'confirmed' });
  });

  it('distrusts a callback for an envelope the service does not know, and stops asking', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    expect(await reconcileEnvelope({ envelopeId, provider })).toMatchObject({ reconciliation: 'mismatch' });
    const envelope = await expectEnvelope(envelopeId, { status: 'partially_signed', nextReconcileAt: null });
    expect(envelope?.reconciliationError).toMatch(/does not know envelope .* \(HTTP 404: ERR0007 Not found\.\)/);
  });

  it('records an unreachable service as failed and asks again with backoff', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.override(`/Api/v6/envelope/${envelopeId}`, { status: 502, body: 'Bad gateway', contentType: 'text/plain' });
    const before = Date.now();
    expect(await reconcileEnvelope({ envelopeId, provider })).toMatchObject({ reconciliation: 'failed' });
    const envelope = await expectEnvelope(envelopeId, { status: 'partially_signed', reconciliation: 'failed' });
    expect(envelope?.reconciliationError).toContain('HTTP 502');
    expect(envelope!.nextReconcileAt!.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    // Not claimable again before then.
    expect(await reconcileEnvelope({ envelopeId, provider })).toEqual({ ran: false });
  });

  it('lets one of several simultaneous checks ask the service', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, { status: 'Completed', activities });
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => reconcileEnvelope({ envelopeId, provider })));
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`)).toBe(1);
  });
});

describe('checking envelopes that went quiet', () => {
  it('takes a final status whose notification never came, and says it came from the service', async () => {
    const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
    fake.setEnvelope(envelopeId, { status: 'Canceled', activities });
    expect(await reconcileEnvelope({ envelopeId, provider })).toEqual({ ran: false }); // not idle yet

    expect(await sweep(envelopeId, nextDay)).toMatchObject({ reconciled: 1 });
    const envelope = await expectEnvelope(envelopeId, {
      status: 'canceled',
      reconciliation: 'updated',
      providerStatus: 'Canceled',
      actionRequired: false,
      lastAction: 'envelopeCanceled',
    });
    expect(envelope?.events.at(-1)).toMatchObject({
      action: 'envelopeCanceled',
      source: 'reconciliation',
      deliveryId: null,
      dedupeKey: 'reconciliation|canceled',
    });
    expect(await prisma.documentFetch.findUnique({ where: { envelopeId } })).toBeNull();
  });

  it('completes a quiet envelope the service reports Completed and queues its documents', async () => {
    const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
    fake.setEnvelope(envelopeId, { status: 'Completed', activities, ...(await completedFiles(envelopeId)) });
    await sweep(envelopeId, nextDay);
    await expectEnvelope(envelopeId, { status: 'completed', reconciliation: 'updated' });
    expect(await prisma.document.count({ where: { envelopeId } })).toBe(2);
  });

  it('confirms a quiet envelope that is still Active and checks it again a day later', async () => {
    const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
    fake.setEnvelope(envelopeId, { status: 'Active', activities: activities.slice(0, 1) });
    const checkedAt = new Date(Date.now() + DAY_MS + 60_000);
    await reconcileEnvelope({ envelopeId, provider, now: () => checkedAt });
    await expectEnvelope(envelopeId, {
      status: 'partially_signed',
      reconciliation: 'confirmed',
      reconciledAt: checkedAt,
      nextReconcileAt: new Date(checkedAt.getTime() + DAY_MS),
    });
    expect(
      await reconcileEnvelope({ envelopeId, provider, now: () => new Date(checkedAt.getTime() + 60_000) }),
    ).toEqual({ ran: false });
  });
});

describe('replaying a finish callback', () => {
  it('holds the envelope for confirmation, as a delivered finish callback does', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    const finish = await prisma.delivery.findFirstOrThrow({ where: { envelopeId, action: 'envelopeFinished' } });
    // Without the envelope the replay is a new finish callback, not a copy of one already stored.
    await prisma.envelope.delete({ where: { id: envelopeId } });

    const replay = await replayDelivery({ deliveryId: finish.id });
    expect(replay).toMatchObject({ ok: true, duplicate: false });
    await expectEnvelope(envelopeId, {
      status: 'sent',
      reconciliation: 'pending',
      finishedAt: null,
    });
  });
});

describe('a final status a notification reports, with a signing service that confirms statuses', () => {
  it('keeps a confirmed completed envelope completed when a forged rejection arrives, and checks it again', async () => {
    const { hook, envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, { status: 'Completed', activities, ...(await completedFiles(envelopeId)) });
    await sweep(envelopeId);
    await expectEnvelope(envelopeId, { status: 'completed', reconciliation: 'confirmed' });

    const forged = await sendWebhook(hook.id, {
      query: { envelopeId, action: 'workstepRejected', recipientOrder: '2', recipientEmail: 'bo@example.com' },
    });
    expect(forged.status).toBe(200);
    await expectEnvelope(envelopeId, {
      status: 'completed',
      claimedStatus: 'rejected',
      reconciliation: 'pending',
    });

    expect(await reconcileEnvelope({ envelopeId, provider })).toMatchObject({ ran: true, reconciliation: 'confirmed' });
    await expectEnvelope(envelopeId, {
      status: 'completed',
      claimedStatus: null,
      claimedAt: null,
      reconciliation: 'confirmed',
    });
  });

  it('shows a notified rejection as unconfirmed until the service confirms it, then takes it', async () => {
    const { hook, envelopeId } = await notifyFinishedEnvelope({ finish: false });
    await sendWebhook(hook.id, { query: { envelopeId, action: 'workstepRejected', recipientOrder: '2' } });
    const waiting = await expectEnvelope(envelopeId, {
      status: 'partially_signed',
      claimedStatus: 'rejected',
      reconciliation: 'pending',
    });

    fake.setEnvelope(envelopeId, { status: 'Active', activities });
    await reconcileEnvelope({ envelopeId, provider });
    const disputed = await expectEnvelope(envelopeId, {
      status: 'partially_signed',
      claimedStatus: 'rejected',
      reconciliation: 'mismatch',
    });
    expect(disputed?.reconciliationError).toContain('A notification reported the envelope rejected');

    fake.setEnvelope(envelopeId, { status: 'Rejected', activities });
    await reconcileEnvelope({ envelopeId, provider, now: () => new Date(Date.now() + 3_600_000) });
    await expectEnvelope(envelopeId, {
      status: 'rejected',
      claimedStatus: null,
      reconciliation: 'confirmed',
      finishedAt: waiting?.claimedAt,
    });
  });
});
