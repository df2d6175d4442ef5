import { describe, expect, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { createHook } from '@/app/lib/hooks/create-hook';
import { hookUrl } from '@/app/lib/hooks/hook-urls';
import { updateHook } from '@/app/lib/hooks/update-hook';
import { generateSigningSecret } from '@/app/lib/hooks/signing-secret';
import { SIMULATION_STYLES } from './build-notification-request';
import { createSeededRandom } from './create-seeded-random';
import { getSandboxEnvelope } from './get-sandbox-envelope';
import { ENVELOPE_OUTCOMES, type EnvelopeOutcome } from './plan-envelope-life';
import { simulateEnvelopeLife, type DeliveryReport, type NotificationSender } from './simulate-envelope-life';
import { sendToWebhookRoute } from '@/app/testing/sandbox/send-to-webhook-route';

// Here the tracker takes statuses from the notifications alone (no signing service to confirm a
// finish callback with), so what is checked is what the simulator sent. The confirmation through
// the sandbox API, over HTTP, is covered end to end by e2e/simulator.spec.ts.
vi.mock('@/app/lib/signing/signing-provider-config', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/app/lib/signing/signing-provider-config')>();
  return { ...actual, resolveSigningProviderConfig: () => ({ provider: 'none', problem: null, reason: 'tests' }) };
});

const APP = 'http://127.0.0.1:3000';

const EXPECTED: Record<EnvelopeOutcome, { sandbox: string; app: string[]; finish: boolean }> = {
  completed: { sandbox: 'Completed', app: ['completed'], finish: true },
  rejected: { sandbox: 'Rejected', app: ['rejected'], finish: true },
  expired: { sandbox: 'Expired', app: ['expired'], finish: false },
  in_progress: { sandbox: 'Active', app: ['sent', 'opened', 'partially_signed'], finish: false },
};

function appEnvelope(id: string) {
  return prisma.envelope.findUnique({ where: { id }, include: { events: true, recipients: true } });
}

describe('simulateEnvelopeLife against the real webhook route', () => {
  for (const style of SIMULATION_STYLES) {
    it(`${style}: every outcome ends in the matching state at the sandbox and in the tracker`, async () => {
      const hook = await createHook({ name: `simulation ${style}`, origin: 'cli' });
      let retried = 0;
      for (const [index, outcome] of ENVELOPE_OUTCOMES.entries()) {
        const summary = await simulateEnvelopeLife({
          target: hookUrl(APP, hook.id),
          style,
          outcome,
          recipientCount: 2 + (index % 2),
          random: createSeededRandom(index + 1),
          send: sendToWebhookRoute,
        });
        const expected = EXPECTED[outcome];
        expect(summary).toMatchObject({ outcome, failure: null, finishCallbackSent: expected.finish, style });
        expect(summary.sandboxStatus).toBe(expected.sandbox);
        expect((await getSandboxEnvelope({ envelopeId: summary.envelopeId }))?.status).toBe(expected.sandbox);

        const envelope = await appEnvelope(summary.envelopeId);
        expect(envelope, `${outcome} envelope stored`).not.toBeNull();
        expect(expected.app).toContain(envelope!.status);
        expect(envelope!.hookId).toBe(hook.id);
        expect(envelope!.customValues).toEqual({
          contract: expect.any(String),
          customer: expect.any(String),
          source: 'sandbox',
        });

        // Every copy of a notification the receiver already had is counted as a duplicate, and only those.
        const duplicates = envelope!.events.reduce((sum, event) => sum + event.duplicateCount, 0);
        expect(duplicates).toBe(summary.acknowledgedDuplicates);
        expect(summary.acknowledgedDuplicates).toBe(summary.retriedCopies + summary.repeatedOpens);
        const deliveries = await prisma.delivery.groupBy({
          by: ['outcome'],
          where: { envelopeId: summary.envelopeId },
          _count: true,
        });
        expect(Object.fromEntries(deliveries.map((row) => [row.outcome, row._count]))).toEqual({
          accepted: summary.notifications - summary.repeatedOpens,
          ...(summary.acknowledgedDuplicates > 0 ? { duplicate: summary.acknowledgedDuplicates } : {}),
        });

        const finishEvents = envelope!.events.filter((event) => event.isFinishCallback);
        expect(finishEvents.length).toBe(expected.finish ? 1 : 0);
        expect(envelope!.finishCallbackAt !== null).toBe(expected.finish);

        // The recipients the tracker learned are the sandbox's, by order and e-mail.
        const sandbox = await getSandboxEnvelope({ envelopeId: summary.envelopeId });
        const invited = sandbox!.events.filter((event) => event.type === 'SignNotificationSent').length;
        const learned = envelope!.recipients
          .map((recipient) => [recipient.recipientOrder, recipient.email])
          .sort((a, b) => Number(a[0]) - Number(b[0]));
        expect(learned).toEqual(
          sandbox!.recipients.slice(0, invited).map((recipient) => [recipient.recipientOrder, recipient.email]),
        );
        if (outcome === 'completed') {
          expect(envelope!.signedCount).toBe(sandbox!.recipients.length);
          expect(sandbox!.recipients.every((recipient) => recipient.status === 'Completed')).toBe(true);
        }
        retried += summary.retriedCopies;
      }
      expect(retried).toBeGreaterThan(0);
    });
  }

  it('signs its deliveries for a hook that requires signatures', async () => {
    const hook = await createHook({ name: 'signed simulation', origin: 'cli' });
    const secret = generateSigningSecret();
    await updateHook({ hookId: hook.id, changes: { signingSecret: secret } });
    for (const style of SIMULATION_STYLES) {
      const summary = await simulateEnvelopeLife({
        target: hookUrl(APP, hook.id),
        style,
        outcome: 'completed',
        random: createSeededRandom(7),
        signingSecret: secret,
        send: sendToWebhookRoute,
      });
      expect(summary.failure).toBeNull();
      expect((await appEnvelope(summary.envelopeId))?.status).toBe('completed');
    }
    expect(await prisma.delivery.count({ where: { hookId: hook.id, outcome: 'rejected' } })).toBe(0);
  });

  it('retries a notification the target failed to take, then goes on', async () => {
    const hook = await createHook({ name: 'flaky target', origin: 'cli' });
    let calls = 0;
    const flaky: NotificationSender = async (request) => {
      calls += 1;
      if (calls === 2) return { status: 503, body: { error: { code: 'temporarily_unavailable', message: 'busy' } } };
      if (calls === 3) throw new Error('socket hang up');
      return sendToWebhookRoute(request);
    };
    const reports: DeliveryReport[] = [];
    const summary = await simulateEnvelopeLife({
      target: hookUrl(APP, hook.id),
      style: 'fintechos',
      outcome: 'completed',
      random: createSeededRandom(3),
      send: flaky,
      onDelivery: (report) => reports.push(report),
    });
    expect(summary.failure).toBeNull();
    expect(summary.resentAfterFailure).toBe(2);
    expect(reports.slice(1, 4).map((report) => [report.kind, report.status])).toEqual([
      ['first', 503],
      ['after-failure', null],
      ['after-failure', 200],
    ]);
    expect((await appEnvelope(summary.envelopeId))?.status).toBe('completed');
  });

  it('stops and says why when the target refuses (an unknown hook)', async () => {
    const reports: DeliveryReport[] = [];
    const summary = await simulateEnvelopeLife({
      target: hookUrl(APP, 'no-such-hook-0123456789abcdef'),
      style: 'esignanywhere',
      random: createSeededRandom(5),
      send: sendToWebhookRoute,
      onDelivery: (report) => reports.push(report),
    });
    expect(reports).toHaveLength(1);
    expect(summary.requests).toBe(1);
    expect(summary.failure).toMatch(/^sendSignNotification was refused: HTTP 404: No active hook has this address/);
    expect(await appEnvelope(summary.envelopeId)).toBeNull();
  });
});
