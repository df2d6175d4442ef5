import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { listFeedEvents } from '@/app/lib/feed/list-feed-events';
import { startWebhookReceiver } from '@/app/testing/webhook-receiver';
import { createTestHook, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { DELIVERY_LEASE_MS, MAX_DELIVERY_ATTEMPTS, RETRY_DELAYS_MS } from './delivery-schedule';
import { createSubscription } from './create-subscription';
import { runSubscriptionDeliveries } from './run-subscription-deliveries';
import { claimDeliveries, findDueDeliveries } from './subscription-delivery-queue';

const provider = inject('databaseProvider');

// Each test has its own receiver and subscription; events of other test files (same database) reach the subscription
// too, so assertions look at the test's own envelopes.

type Answer = (webhookId: string, type: string) => number;
const receivers: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

async function route() {
  return import('@/app/api/subscriptions/route');
}

/** A receiver verifying with the subscription's keys, and the subscription pointing at it. */
/** The time the sender is run at, which the receiver verifies against. */
let clock = new Date();

async function subscribe(options: { answer?: Answer; types?: string[] } = {}) {
  const secrets: string[] = [];
  const receiver = await startWebhookReceiver({ secrets: () => secrets, answer: options.answer, now: () => clock });
  receivers.push(receiver);
  const response = await (
    await route()
  ).POST(
    new Request('http://localhost/api/subscriptions', {
      method: 'POST',
      body: JSON.stringify({ url: receiver.url, types: options.types, description: 'CRM' }),
    }),
  );
  expect(response.status).toBe(201);
  const created = (await response.json()) as { id: string; secret: string; url: string; types: string[] };
  secrets.push(created.secret);
  return { subscription: created, receiver, secrets };
}

/** One envelope's life so far: invited, opened. */
async function notifyEnvelope(hookId: string) {
  const envelopeId = uniqueEnvelopeId();
  const recipient = { recipientOrder: '1', recipientEmail: 'ana@example.com' };
  for (const action of ['sendSignNotification', 'workstepOpened']) {
    expect((await sendWebhook(hookId, { query: { envelopeId, action, ...recipient } })).status).toBe(200);
  }
  return envelopeId;
}

const feedIdsOf = async (envelopeId: string) =>
  (await listFeedEvents({ envelope: envelopeId, limit: 500 })).items.map((event) => event.id);

/** Runs the sender (only for this subscription) until nothing more is due at `at`. */
async function runAt(subscriptionId: string, at: Date) {
  clock = at;
  return runSubscriptionDeliveries({ now: () => at, subscriptionIds: [subscriptionId] });
}

describe(`webhooks out on ${provider}`, () => {
  it('sends each event once, signed so the standardwebhooks library verifies it, in order per envelope', async () => {
    const hook = await createTestHook('Subscribed hook');
    const { subscription, receiver } = await subscribe();
    expect(subscription.secret).toMatch(/^whsec_/);
    const envelopes = [await notifyEnvelope(hook.id), await notifyEnvelope(hook.id)];
    await runAt(subscription.id, new Date());
    for (const envelopeId of envelopes) {
      const got = receiver.received.filter((request) => request.data.envelopeId === envelopeId);
      expect(got.map((request) => request.id)).toEqual(await feedIdsOf(envelopeId));
      expect(got.every((request) => request.verifiedWith.length === 1)).toBe(true);
      expect(got.map((request) => request.type)).toEqual([
        'envelope.sent',
        'recipient.invited',
        'recipient.opened',
        'envelope.opened',
      ]);
      expect(got[0]!.data).toMatchObject({ hook: 'Subscribed hook', status: 'sent', confirmed: false });
    }
    // Nothing is sent twice.
    const count = receiver.received.length;
    await runAt(subscription.id, new Date());
    expect(receiver.received.length).toBe(count);
  });

  it('retries a failed request on its schedule with the same webhook-id, then delivers it', async () => {
    const hook = await createTestHook('Retried hook');
    const failures = new Map<string, number>();
    const { subscription, receiver } = await subscribe({
      types: ['envelope.sent'],
      // Every event fails twice, then goes through.
      answer: (id) => {
        const seen = failures.get(id) ?? 0;
        failures.set(id, seen + 1);
        return seen < 2 ? 500 : 204;
      },
    });
    const envelopeId = await notifyEnvelope(hook.id);
    const [eventId] = await feedIdsOf(envelopeId);
    const start = new Date();
    const mine = () => receiver.received.filter((request) => request.id === eventId);

    await runAt(subscription.id, start);
    expect(mine().map((request) => request.status)).toEqual([500]);
    // Not before its time.
    await runAt(subscription.id, new Date(start.getTime() + RETRY_DELAYS_MS[0]! - 1_000));
    expect(mine()).toHaveLength(1);
    await runAt(subscription.id, new Date(start.getTime() + RETRY_DELAYS_MS[0]! + 1_000));
    expect(mine().map((request) => request.status)).toEqual([500, 500]);
    await runAt(subscription.id, new Date(start.getTime() + RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]! + 2_000));
    expect(mine().map((request) => request.status)).toEqual([500, 500, 204]);
    expect(new Set(mine().map((request) => request.id))).toEqual(new Set([eventId]));

    const job = await prisma.subscriptionDelivery.findFirstOrThrow({
      where: { subscriptionId: subscription.id, eventId },
    });
    expect(job).toMatchObject({ status: 'delivered', attempts: 3 });
    const attempts = await (
      await import('@/app/api/subscriptions/[id]/attempts/route')
    ).GET(
      new (await import('next/server')).NextRequest(`http://localhost/api/subscriptions/${subscription.id}/attempts`),
      {
        params: Promise.resolve({ id: subscription.id }),
      },
    );
    const listed = (
      (await attempts.json()) as {
        items: { eventId: string; statusCode: number; ok: boolean; error: string | null; attemptedAt: string }[];
      }
    ).items.filter((attempt) => attempt.eventId === eventId);
    expect(listed.map(({ statusCode, ok, error }) => ({ statusCode, ok, error }))).toEqual([
      { statusCode: 204, ok: true, error: null },
      { statusCode: 500, ok: false, error: 'HTTP 500' },
      { statusCode: 500, ok: false, error: 'HTTP 500' },
    ]);
    // Stored as the times they were made: the newest first, the first no earlier than the event.
    const times = listed.map((attempt) => Date.parse(attempt.attemptedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.at(-1)).toBeGreaterThanOrEqual(job.createdAt.getTime());
  });

  it("gives an event up after its last attempt and lets the envelope's next event go on", async () => {
    const hook = await createTestHook('Given up hook');
    const { subscription, receiver } = await subscribe({
      types: ['envelope.sent', 'recipient.invited'],
      answer: (_id, type) => (type === 'envelope.sent' ? 503 : 200),
    });
    const envelopeId = await notifyEnvelope(hook.id);
    const [sent, invited] = await feedIdsOf(envelopeId);
    let at = new Date();
    await runAt(subscription.id, at);
    // The invitation waits behind the envelope's first event, and is not due before that event's retry.
    expect(receiver.received.filter((request) => request.id === invited)).toHaveLength(0);
    const jobOf = (eventId: string) =>
      prisma.subscriptionDelivery.findFirstOrThrow({ where: { subscriptionId: subscription.id, eventId } });
    expect((await jobOf(invited!)).nextAttemptAt).toEqual((await jobOf(sent!)).nextAttemptAt);
    for (const delay of RETRY_DELAYS_MS) {
      at = new Date(at.getTime() + delay + 1_000);
      await runAt(subscription.id, at);
    }
    expect(receiver.received.filter((request) => request.id === sent)).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(
      await prisma.subscriptionDelivery.findFirst({ where: { subscriptionId: subscription.id, eventId: sent } }),
    ).toMatchObject({
      status: 'failed',
    });
    expect(receiver.received.filter((request) => request.id === invited).map((request) => request.status)).toEqual([
      200,
    ]);
  });

  it("queues an envelope's later event behind its event waiting for a retry, and no other envelope's", async () => {
    const hook = await createTestHook('Held back hook');
    const failing = new Set<string>();
    const { subscription, receiver } = await subscribe({
      types: ['envelope.sent', 'recipient.opened'],
      answer: (id) => (failing.has(id) ? 503 : 200),
    });
    const jobsOf = async (envelopeId: string) => {
      const { items } = await listFeedEvents({
        envelope: envelopeId,
        type: ['envelope.sent', 'recipient.opened'],
        limit: 10,
      });
      return Promise.all(
        items.map((event) =>
          prisma.subscriptionDelivery.findFirstOrThrow({
            where: { subscriptionId: subscription.id, eventId: event.id },
          }),
        ),
      );
    };
    const recipient = { recipientOrder: '1', recipientEmail: 'ana@example.com' };
    const notify = async (envelopeId: string, action: string) =>
      expect((await sendWebhook(hook.id, { query: { envelopeId, action, ...recipient } })).status).toBe(200);
    const waiting = uniqueEnvelopeId();
    await notify(waiting, 'sendSignNotification');
    for (const eventId of await feedIdsOf(waiting)) failing.add(eventId);
    const at = new Date();
    await runAt(subscription.id, at);
    // Only now, after its first event failed, does the envelope's next event arrive; another envelope's too.
    await notify(waiting, 'workstepOpened');
    const other = await notifyEnvelope(hook.id);
    await runAt(subscription.id, at);

    const [sent, opened] = await jobsOf(waiting);
    expect(sent).toMatchObject({ status: 'pending', nextAttemptAt: new Date(at.getTime() + RETRY_DELAYS_MS[0]!) });
    expect(opened).toMatchObject({ status: 'pending', nextAttemptAt: sent!.nextAttemptAt });
    expect(receiver.received.filter((request) => request.id === opened!.eventId)).toHaveLength(0);
    const otherJobs = await jobsOf(other);
    expect(otherJobs.map((job) => job.status)).toEqual(['delivered', 'delivered']);
  });

  it('sends again, with the same webhook-id, what an instance that died mid-send had claimed', async () => {
    const hook = await createTestHook('Crashed instance hook');
    const { subscription, receiver } = await subscribe({ types: ['envelope.sent'] });
    const envelopeId = await notifyEnvelope(hook.id);
    const [eventId] = await feedIdsOf(envelopeId);
    const start = new Date();
    // Another instance dispatched and claimed the job, then died before sending.
    const { dispatchFeedEvents } = await import('./subscription-delivery-queue');
    await dispatchFeedEvents({ now: start, subscriptionIds: [subscription.id] });
    const job = await prisma.subscriptionDelivery.findFirstOrThrow({
      where: { subscriptionId: subscription.id, eventId },
    });
    expect(await findDueDeliveries(start, 500, [subscription.id])).toContain(job.id);
    expect(await claimDeliveries([job.id], 'crashed-instance', start)).toMatchObject([{ eventId, attempts: 1 }]);

    await runAt(subscription.id, new Date(start.getTime() + 1_000));
    expect(receiver.received.filter((request) => request.id === eventId)).toHaveLength(0);
    await runAt(subscription.id, new Date(start.getTime() + DELIVERY_LEASE_MS + 1_000));
    expect(receiver.received.filter((request) => request.id === eventId).map((request) => request.status)).toEqual([
      200,
    ]);
  });

  it('has two instances running at once send each event once', async () => {
    const hook = await createTestHook('Two senders hook');
    const { subscription, receiver } = await subscribe();
    const envelopes = await Promise.all(Array.from({ length: 6 }, () => notifyEnvelope(hook.id)));
    const at = new Date();
    await Promise.all([runAt(subscription.id, at), runAt(subscription.id, at)]);
    for (const envelopeId of envelopes) {
      const got = receiver.received.filter((request) => request.data.envelopeId === envelopeId);
      expect(got.map((request) => request.id)).toEqual(await feedIdsOf(envelopeId));
    }
  });

  it('signs with the old and the new key for a day after a rotation, then with the new one only', async () => {
    const hook = await createTestHook('Rotated hook');
    const { subscription, receiver, secrets } = await subscribe({ types: ['envelope.sent'] });
    const rotate = await import('@/app/api/subscriptions/[id]/rotate-secret/route');
    const answer = await rotate.POST(new Request('http://localhost', { method: 'POST' }), {
      params: Promise.resolve({ id: subscription.id }),
    });
    const rotated = (await answer.json()) as { secret: string; previousSecretUntil: string };
    expect(rotated.secret).not.toBe(subscription.secret);
    secrets.push(rotated.secret);

    const during = await notifyEnvelope(hook.id);
    await runAt(subscription.id, new Date());
    const [first] = receiver.received.filter((request) => request.data.envelopeId === during);
    expect(first!.verifiedWith.sort()).toEqual([subscription.secret, rotated.secret].sort());

    const after = await notifyEnvelope(hook.id);
    await runAt(subscription.id, new Date(Date.parse(rotated.previousSecretUntil) + 1_000));
    const [second] = receiver.received.filter((request) => request.data.envelopeId === after);
    expect(second!.verifiedWith).toEqual([rotated.secret]);
  });

  it('resends one event or everything since a time, and sends a signed test event', async () => {
    const hook = await createTestHook('Resent hook');
    const { subscription, receiver } = await subscribe({ types: ['recipient.opened'] });
    const envelopeId = await notifyEnvelope(hook.id);
    await runAt(subscription.id, new Date());
    const opened = receiver.received.filter((request) => request.data.envelopeId === envelopeId);
    expect(opened).toHaveLength(1);

    const resend = await import('@/app/api/subscriptions/[id]/resend/route');
    const call = (body: unknown) =>
      resend.POST(new Request('http://localhost', { method: 'POST', body: JSON.stringify(body) }), {
        params: Promise.resolve({ id: subscription.id }),
      });
    const one = await call({ eventId: opened[0]!.id });
    expect(one.status).toBe(202);
    expect(await one.json()).toEqual({ queued: 1 });
    await vi.waitFor(async () => {
      await runAt(subscription.id, new Date());
      expect(receiver.received.filter((request) => request.id === opened[0]!.id)).toHaveLength(2);
    });
    expect((await call({ since: new Date(Date.now() - 60_000).toISOString() })).status).toBe(202);
    expect((await call({ eventId: 'evt_missing' })).status).toBe(404);
    expect((await call({ what: 1 })).status).toBe(400);

    const test = await import('@/app/api/subscriptions/[id]/test/route');
    const tested = await test.POST(new Request('http://localhost', { method: 'POST' }), {
      params: Promise.resolve({ id: subscription.id }),
    });
    expect(await tested.json()).toMatchObject({ ok: true, statusCode: 200, eventId: expect.stringMatching(/^evt_/) });
    expect(receiver.received.at(-1)).toMatchObject({ type: 'subscription.test', status: 200 });
  });

  it('disables a subscription whose every request failed for five days, and enables it again on request', async () => {
    const hook = await createTestHook('Failing hook');
    const { subscription } = await subscribe({ types: ['envelope.sent'], answer: () => 500 });
    const first = new Date();
    await notifyEnvelope(hook.id);
    await runAt(subscription.id, first);
    await notifyEnvelope(hook.id);
    await runAt(subscription.id, new Date(first.getTime() + 5 * 24 * 3_600_000 + 60_000));
    const listed = await (await (await route()).GET()).json();
    const mine = (listed as { items: { id: string; enabled: boolean; disabledReason: string }[] }).items.find(
      (item) => item.id === subscription.id,
    );
    expect(mine).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/failed for 5 days/) });

    const patch = await import('@/app/api/subscriptions/[id]/route');
    const enabled = await patch.PATCH(
      new Request('http://localhost', { method: 'PATCH', body: JSON.stringify({ enabled: true }) }),
      { params: Promise.resolve({ id: subscription.id }) },
    );
    expect(await enabled.json()).toMatchObject({ enabled: true, failingSince: null, disabledReason: null });
    const removed = await patch.DELETE(new Request('http://localhost', { method: 'DELETE' }), {
      params: Promise.resolve({ id: subscription.id }),
    });
    expect(removed.status).toBe(204);
    expect(await prisma.subscriptionDelivery.count({ where: { subscriptionId: subscription.id } })).toBe(0);
  });

  it('refuses a subscription beyond the most there may be, saying what to do', async () => {
    // Other files subscribe at the same time: the limit is what is already there, never fewer.
    const refused = await createSubscription({ url: 'http://127.0.0.1:9/over' }, new Date(), { maxSubscriptions: 0 });
    expect(refused).toMatchObject({ ok: false, status: 409, code: 'too_many_subscriptions' });
    expect(refused.ok === false && refused.message).toMatch(
      /^There are already 0 subscriptions, the most there can be: delete one you no longer use \(DELETE \/api\/subscriptions\/<id>\) first/,
    );
    expect(await prisma.subscription.count({ where: { url: 'http://127.0.0.1:9/over' } })).toBe(0);
  });

  it('refuses targets it must not send to, saying what to use', async () => {
    const { checkSubscriptionTarget } = await import('./subscription-target');
    const production = { requireHttps: true };
    expect(checkSubscriptionTarget('http://crm.example.com/hooks', production)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Use https/),
    });
    for (const inside of ['http://127.0.0.1:8080/x', 'http://10.1.2.3/x', 'http://[::1]/x', 'http://localhost/x']) {
      expect(checkSubscriptionTarget(inside, production).ok, inside).toBe(true);
    }
    expect(checkSubscriptionTarget('http://169.254.169.254/latest', production).ok).toBe(false);
    expect(checkSubscriptionTarget('https://user:pw@crm.example.com', production).ok).toBe(false);
    expect(checkSubscriptionTarget('ftp://crm.example.com', production).ok).toBe(false);
    const bad = await (
      await route()
    ).POST(new Request('http://localhost', { method: 'POST', body: JSON.stringify({ url: 'nope', types: ['x'] }) }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_subscription');
  });
});
