import { describe, expect, it, vi } from 'vitest';
import { advanceSandboxEnvelope, type SandboxStep } from '@/app/lib/sandbox/advance-sandbox-envelope';
import { createSandboxEnvelope } from '@/app/lib/sandbox/create-sandbox-envelope';
import { DEFAULT_SANDBOX_API_TOKEN } from '@/app/lib/signing/sandbox-address';
import { prisma } from '@/app/lib/db/prisma';
import { GET as getRemindRoute } from './v4/envelope/[envelopeId]/remind/route';
import { GET as getConfigurationRoute } from './v6/envelope/[envelopeId]/configuration/route';

vi.hoisted(() => {
  process.env.SIGNING_PROVIDER = 'sandbox';
});

const DAY_MS = 86_400_000;

async function call(
  route: typeof getRemindRoute,
  envelopeId: string,
  token: string | null = DEFAULT_SANDBOX_API_TOKEN,
) {
  const request = new Request(`http://localhost/api/sandbox/esignanywhere/Api/x/envelope/${envelopeId}`, {
    headers: token === null ? {} : { apiToken: token },
  });
  const response = await route(request, { params: Promise.resolve({ envelopeId }) });
  return { status: response.status, body: await response.json() };
}

async function sandboxEnvelope(steps: SandboxStep[]) {
  const sentAt = new Date(Date.now() - 3_600_000);
  const { id } = await createSandboxEnvelope({
    name: 'Insurance policy IP-2026-49206 - Oliver Smith',
    recipients: [
      { givenName: 'Oliver', surname: 'Smith', email: 'oliver.smith@example.com' },
      { givenName: 'Anna', surname: 'Kowalska', email: 'anna.kowalska@bank.example' },
    ],
    sentAt,
  });
  for (const [index, step] of steps.entries()) {
    await advanceSandboxEnvelope({ envelopeId: id, step, at: new Date(sentAt.getTime() + (index + 1) * 61_000) });
  }
  return { id, sentAt };
}

describe('the sandbox API: configuration and reminders', () => {
  it('gives an expiry 14 to 30 days after sending, the same on every read', async () => {
    const { id, sentAt } = await sandboxEnvelope([{ kind: 'invite', recipientOrder: 1 }]);
    const first = await call(getConfigurationRoute, id);
    expect(first.status).toBe(200);
    const expires = new Date(first.body.ExpirationConfiguration.ExpirationDate);
    const days = (expires.getTime() - sentAt.getTime()) / DAY_MS;
    expect(days).toBeGreaterThanOrEqual(14);
    expect(days).toBeLessThanOrEqual(30);
    expect((await call(getConfigurationRoute, id)).body).toEqual(first.body);
    expect((await call(getConfigurationRoute, id, 'wrong-token')).status).toBe(401);
    expect((await call(getConfigurationRoute, 'no-such-envelope')).status).toBe(404);
  });

  it('reminds the recipient the envelope waits on once an hour, recording each reminder', async () => {
    const { id } = await sandboxEnvelope([
      { kind: 'invite', recipientOrder: 1 },
      { kind: 'open', recipientOrder: 1 },
      { kind: 'sign', recipientOrder: 1 },
      { kind: 'invite', recipientOrder: 2 },
    ]);
    const first = await call(getRemindRoute, id);
    expect(first).toEqual({
      status: 200,
      body: { Count: 1, AvoidedDueToRateLimitCount: 0, AvoidedDueToDisabledEmailCount: 0 },
    });
    const again = await call(getRemindRoute, id);
    expect(again.body).toEqual({ Count: 0, AvoidedDueToRateLimitCount: 1, AvoidedDueToDisabledEmailCount: 0 });
    const events = await prisma.sandboxEvent.findMany({ where: { envelopeId: id, type: 'ReminderSent' } });
    expect(events.map((event) => event.recipientOrder)).toEqual([2]);
  });

  it('refuses to remind a finished envelope, in eSignAnyWhere’s error shape', async () => {
    const { id } = await sandboxEnvelope([
      { kind: 'invite', recipientOrder: 1 },
      { kind: 'open', recipientOrder: 1 },
      { kind: 'reject', recipientOrder: 1, reason: 'No.' },
    ]);
    const result = await call(getRemindRoute, id);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ ErrorId: 'ERR0011', Message: expect.stringContaining('Rejected') });
  });
});
