import { describe, expect, it } from 'vitest';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { getEnvelopeRow } from '@/app/testing/webhook-test-helpers';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';
import { reconcileEnvelope } from './reconcile-envelope';
import { readDetailsOfNewEnvelopes } from './refresh-envelope-details';
import { sweepSigningWork } from './sweep-signing-work';

const { fake, provider } = await startFakeEsignAnyWhereForFile();

const DAY_MS = 24 * 3_600_000;
const nextDay = () => new Date(Date.now() + DAY_MS + 60_000);
const sweep = (envelopeId: string, now?: () => Date) => sweepSigningWork({ provider, now, envelopeIds: [envelopeId] });
const activities = [
  { email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu', status: 'Completed' },
  { email: 'bo@example.com', givenName: 'Bo', surname: 'Berg', status: 'Pending' },
];

describe("an envelope's name, sender and dates from the signing service", () => {
  it('are read by the sweeper when the envelope is first seen, and shown on its page', async () => {
    const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
    fake.setEnvelope(envelopeId, {
      status: 'Active',
      activities,
      name: 'Insurance policy IP-2026-49206 - Oliver Smith',
      sentDate: '2026-06-01T10:00:00Z',
      sender: { email: 'irina.marinescu@bank.example', givenName: 'Irina', surname: 'Marinescu' },
      expirationDate: '2026-06-20T10:00:00Z',
    });
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({ name: null, detailsReadAt: null });

    expect(await sweep(envelopeId)).toMatchObject({ reconciled: 0, detailsRead: 1 });
    const row = await getEnvelopeRow(envelopeId);
    expect(row).toMatchObject({
      name: 'Insurance policy IP-2026-49206 - Oliver Smith',
      sentAt: new Date('2026-06-01T10:00:00Z'),
      senderName: 'Irina Marinescu',
      senderEmail: 'irina.marinescu@bank.example',
      expiresAt: new Date('2026-06-20T10:00:00Z'),
      // Only the details: the status check keeps its own schedule.
      reconciliation: 'not_checked',
    });
    expect(row?.detailsReadAt).toBeInstanceOf(Date);
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}/configuration`)).toBe(1);

    // Read once: the next sweep leaves it alone.
    expect(await sweep(envelopeId)).toMatchObject({ detailsRead: 0 });
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`)).toBe(1);

    const detail = await getEnvelopeById({ id: envelopeId });
    expect(detail).toMatchObject({
      name: 'Insurance policy IP-2026-49206 - Oliver Smith',
      displayName: 'Insurance policy IP-2026-49206 - Oliver Smith',
      sentAt: '2026-06-01T10:00:00.000Z',
      senderName: 'Irina Marinescu',
      senderEmail: 'irina.marinescu@bank.example',
      expiresAt: '2026-06-20T10:00:00.000Z',
    });
  });

  it('are read once when instances sweeping one database reach a new envelope at the same moment', async () => {
    const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
    fake.setEnvelope(envelopeId, { status: 'Active', activities, name: 'Loan agreement LA-2026-1001' });

    const [first, second] = await Promise.all([sweep(envelopeId), sweep(envelopeId)]);
    expect(first.detailsRead + second.detailsRead).toBe(1);
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`)).toBe(1);
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({ name: 'Loan agreement LA-2026-1001' });
  });

  it('of an envelope whose finish callback awaits confirmation are left to that check, which reads them', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, { status: 'Completed', activities, name: 'Loan agreement LA-2026-1002' });
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({ reconciliation: 'pending', detailsReadAt: null });

    expect(await readDetailsOfNewEnvelopes({ provider, now: () => new Date(), envelopeIds: [envelopeId] })).toBe(0);
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`)).toBe(0);

    await reconcileEnvelope({ envelopeId, provider });
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({
      reconciliation: 'confirmed',
      name: 'Loan agreement LA-2026-1002',
    });
    expect(await sweep(envelopeId)).toMatchObject({ reconciled: 0, detailsRead: 0 });
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`)).toBe(1);
  });

  it('are refreshed by every reconciliation', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, {
      status: 'Active',
      activities,
      name: 'Old name',
      expirationDate: '2026-06-20T10:00:00Z',
    });
    await reconcileEnvelope({ envelopeId, provider });
    const first = await getEnvelopeRow(envelopeId);
    expect(first).toMatchObject({ name: 'Old name', expiresAt: new Date('2026-06-20T10:00:00Z') });

    fake.setEnvelope(envelopeId, {
      status: 'Active',
      activities,
      name: 'Renamed at the service',
      sender: null,
      expirationDate: '2026-07-01T10:00:00Z',
    });
    await reconcileEnvelope({ envelopeId, provider, now: nextDay });
    const second = await getEnvelopeRow(envelopeId);
    expect(second).toMatchObject({
      name: 'Renamed at the service',
      senderName: null,
      senderEmail: null,
      expiresAt: new Date('2026-07-01T10:00:00Z'),
      reconciliation: 'mismatch',
    });
    expect(second!.detailsReadAt!.getTime()).toBeGreaterThan(first!.detailsReadAt!.getTime());
  });

  it('a configuration the service cannot give fails nothing: the status is checked, the stored expiry kept', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, { status: 'Active', activities, expirationDate: '2026-06-20T10:00:00Z' });
    await reconcileEnvelope({ envelopeId, provider });

    fake.setEnvelope(envelopeId, {
      status: 'Completed',
      activities: activities.map((activity) => ({ ...activity, status: 'Completed' })),
      name: 'Still read',
    });
    fake.override(`/Api/v6/envelope/${envelopeId}/configuration`, { status: 500, body: { Message: 'down' } });
    const outcome = await reconcileEnvelope({ envelopeId, provider, now: nextDay });
    expect(outcome).toMatchObject({ ran: true, reconciliation: 'confirmed' });
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({
      status: 'completed',
      name: 'Still read',
      expiresAt: new Date('2026-06-20T10:00:00Z'),
    });
  });

  it('an envelope the service does not know is not asked again at every sweep', async () => {
    const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
    expect(await sweep(envelopeId)).toMatchObject({ detailsRead: 0 });
    expect(await sweep(envelopeId)).toMatchObject({ detailsRead: 0 });
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`)).toBe(1);
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({ detailsReadAt: null, name: null });
  });
});
