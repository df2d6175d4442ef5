import { describe, expect, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import type { SigningProvider } from '@/app/lib/signing/signing-provider';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';

// The app's provider is the fake eSignAnyWhere unless a test puts another in its place.
const replaced = vi.hoisted(() => ({ provider: undefined as SigningProvider | null | undefined }));
vi.mock('@/app/lib/signing/get-signing-provider', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/app/lib/signing/get-signing-provider')>();
  return {
    ...actual,
    getSigningProvider: () => (replaced.provider === undefined ? actual.getSigningProvider() : replaced.provider),
  };
});

const { fake } = await startFakeEsignAnyWhereForFile();

async function remind(body: unknown) {
  const route = await import('./route');
  const request = new Request('http://localhost/api/reminders', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const response = await route.POST(request);
  return { status: response.status, body: await response.json() };
}

async function openEnvelope(reminder: { Count: number; AvoidedDueToRateLimitCount: number }) {
  const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
  fake.setEnvelope(envelopeId, {
    status: 'Active',
    activities: [{ email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu' }],
    reminder: { ...reminder, AvoidedDueToDisabledEmailCount: 0 },
  });
  return envelopeId;
}

const reminderSteps = (envelopeId: string) => prisma.event.count({ where: { envelopeId, action: 'reminderSent' } });

describe('POST /api/reminders', () => {
  it('reminds each open envelope of a selection once, refuses the others one by one, and adds up the counts', async () => {
    const first = await openEnvelope({ Count: 2, AvoidedDueToRateLimitCount: 0 });
    const second = await openEnvelope({ Count: 0, AvoidedDueToRateLimitCount: 1 });
    const { envelopeId: finished } = await notifyFinishedEnvelope();
    await prisma.envelope.update({ where: { id: finished }, data: { status: 'completed' } });

    const answer = await remind({ envelopeIds: [first, second, finished, 'no-such-envelope-1', first] });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { envelopeId: first, ok: true, reminded: 2, skippedRateLimit: 0, skippedDisabledEmail: 0 },
      { envelopeId: second, ok: true, reminded: 0, skippedRateLimit: 1, skippedDisabledEmail: 0 },
      { envelopeId: finished, ok: false, code: 'envelope_finished', message: expect.stringMatching(/completed/) },
      { envelopeId: 'no-such-envelope-1', ok: false, code: 'not_found', message: expect.any(String) },
    ]);
    expect(answer.body.totals).toEqual({
      reminded: 2,
      skippedRateLimit: 1,
      skippedDisabledEmail: 0,
      envelopesReminded: 1,
      envelopesRefused: 2,
    });
    // The same id twice in one request is one reminder; the one nobody got leaves no step.
    expect(fake.countRequests(`/Api/v4/envelope/${first}/remind`)).toBe(1);
    expect(await reminderSteps(first)).toBe(1);
    expect(await reminderSteps(second)).toBe(0);
    expect(fake.countRequests(`/Api/v4/envelope/${finished}/remind`)).toBe(0);
  });

  it('refuses the whole selection politely where the signing service cannot remind', async () => {
    const envelopeId = await openEnvelope({ Count: 1, AvoidedDueToRateLimitCount: 0 });
    replaced.provider = null;
    try {
      const answer = await remind({ envelopeIds: [envelopeId] });
      expect(answer.status).toBe(409);
      expect(answer.body.error).toEqual({
        code: 'reminders_not_supported',
        message: expect.stringMatching(/SIGNING_PROVIDER=esignanywhere/),
      });
    } finally {
      replaced.provider = undefined;
    }
    expect(await reminderSteps(envelopeId)).toBe(0);
  });

  it('says what to send when the body is wrong', async () => {
    for (const [body, message] of [
      ['', /envelopeIds/],
      [{}, /envelopeIds/],
      [{ envelopeIds: [] }, /at least one envelope/],
      [{ envelopeIds: Array.from({ length: 201 }, (_, index) => `env-${index}`) }, /At most 200/],
      [{ envelopeIds: [''] }, /envelopeIds/],
    ] as const) {
      const answer = await remind(body);
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_reminders');
      expect(answer.body.error.message).toMatch(message);
    }
  });
});
