import { describe, expect, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';
import { reconcileEnvelope } from '@/app/lib/reconciliation/reconcile-envelope';
import { createHttpDocumentProvider } from '@/app/lib/signing/http-document-provider';
import type { SigningProvider } from '@/app/lib/signing/signing-provider';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { notifyFinishedEnvelope, TEST_LIMITS } from '@/app/testing/signing-test-helpers';

// The app's provider is the fake eSignAnyWhere unless a test puts another in its place.
const replaced = vi.hoisted(() => ({ provider: undefined as SigningProvider | null | undefined }));
vi.mock('@/app/lib/signing/get-signing-provider', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/app/lib/signing/get-signing-provider')>();
  return {
    ...actual,
    getSigningProvider: () => (replaced.provider === undefined ? actual.getSigningProvider() : replaced.provider),
  };
});

const { fake, provider } = await startFakeEsignAnyWhereForFile();

async function remind(envelopeId: string) {
  const route = await import('./route');
  const request = new Request(`http://localhost/api/envelopes/${envelopeId}/reminders`, { method: 'POST' });
  const response = await route.POST(request, { params: Promise.resolve({ id: envelopeId }) });
  return { status: response.status, body: await response.json() };
}

async function openEnvelope() {
  const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
  fake.setEnvelope(envelopeId, {
    status: 'Active',
    activities: [{ email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu' }],
    reminder: { Count: 1, AvoidedDueToRateLimitCount: 1, AvoidedDueToDisabledEmailCount: 0 },
  });
  return envelopeId;
}

describe('POST /api/envelopes/<id>/reminders', () => {
  it('has the signing service remind the recipients, answers its counts and puts the reminder on the timeline', async () => {
    const envelopeId = await openEnvelope();
    const before = await prisma.envelope.findUniqueOrThrow({ where: { id: envelopeId } });

    const answer = await remind(envelopeId);
    expect(answer).toEqual({ status: 200, body: { reminded: 1, skippedRateLimit: 1, skippedDisabledEmail: 0 } });
    expect(fake.requests.filter((request) => request.path === `/Api/v4/envelope/${envelopeId}/remind`)).toEqual([
      expect.objectContaining({ apiToken: fake.apiToken }),
    ]);

    const detail = await getEnvelopeById({ id: envelopeId });
    const step = detail?.events.at(-1);
    expect(step).toMatchObject({ action: 'reminderSent', recipientEmail: null, deliveryId: null, notification: null });
    expect(Date.now() - Date.parse(step!.occurredAt)).toBeLessThan(60_000);
    expect(detail?.eventCount).toBe(before.eventCount + 1);
    // A reminder is no news from the envelope: its last activity stays.
    const after = await prisma.envelope.findUniqueOrThrow({ where: { id: envelopeId } });
    expect(after).toMatchObject({ lastEventAt: before.lastEventAt, lastAction: before.lastAction });
    expect(await prisma.event.findFirst({ where: { envelopeId, action: 'reminderSent' } })).toMatchObject({
      source: 'app',
    });

    // Each reminder is its own step.
    expect((await remind(envelopeId)).status).toBe(200);
    expect(await prisma.event.count({ where: { envelopeId, action: 'reminderSent' } })).toBe(2);

    // One the service held back for everyone reminded nobody: answered, but no step.
    fake.setEnvelope(envelopeId, {
      status: 'Active',
      reminder: { Count: 0, AvoidedDueToRateLimitCount: 1, AvoidedDueToDisabledEmailCount: 0 },
    });
    expect(await remind(envelopeId)).toEqual({
      status: 200,
      body: { reminded: 0, skippedRateLimit: 1, skippedDisabledEmail: 0 },
    });
    expect(await prisma.event.count({ where: { envelopeId, action: 'reminderSent' } })).toBe(2);
  });

  it('refuses politely where the signing service cannot remind: none configured, or the http document source', async () => {
    const envelopeId = await openEnvelope();
    for (const other of [
      null,
      createHttpDocumentProvider({
        urlTemplate: 'https://docs.example.com/{envelopeId}.pdf',
        authHeader: null,
        limits: TEST_LIMITS,
      }),
    ]) {
      replaced.provider = other;
      try {
        const answer = await remind(envelopeId);
        expect(answer.status).toBe(409);
        expect(answer.body.error.code).toBe('reminders_not_supported');
        expect(answer.body.error.message).toMatch(/SIGNING_PROVIDER=esignanywhere/);
      } finally {
        replaced.provider = undefined;
      }
    }
    expect(await prisma.event.count({ where: { envelopeId, action: 'reminderSent' } })).toBe(0);
  });

  it('refuses a finished envelope with 409 envelope_finished, without asking the service', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, {
      status: 'Completed',
      activities: [
        { email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu', status: 'Completed' },
        { email: 'bo@example.com', givenName: 'Bo', surname: 'Berg', status: 'Completed' },
      ],
    });
    await reconcileEnvelope({ envelopeId, provider });
    expect((await prisma.envelope.findUniqueOrThrow({ where: { id: envelopeId } })).status).toBe('completed');

    const answer = await remind(envelopeId);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({ code: 'envelope_finished', message: expect.stringMatching(/completed/) });
    expect(fake.countRequests(`/Api/v4/envelope/${envelopeId}/remind`)).toBe(0);
  });

  it('answers 404 for an unknown envelope', async () => {
    const answer = await remind('no-such-envelope-0000');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });

  it('says what went wrong when the signing service fails the reminder, and records nothing', async () => {
    const envelopeId = await openEnvelope();
    fake.override(`/Api/v4/envelope/${envelopeId}/remind`, { status: 500, body: { Message: 'down', ErrorId: 'ERR9' } });
    const answer = await remind(envelopeId);
    expect(answer.status).toBe(502);
    expect(answer.body.error.code).toBe('reminder_failed');
    expect(await prisma.event.count({ where: { envelopeId, action: 'reminderSent' } })).toBe(0);
  });
});
