import 'server-only';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import { insertJsonRows, type JsonRowColumns } from '@/app/lib/db/json-rows';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { toFeedEventPayload } from '@/app/lib/feed/to-feed-event-payload';
import { DISABLE_AFTER_FAILING_MS, nextAttemptAfterFailure } from './delivery-schedule';
import { postWebhook, type PostOutcome } from './post-webhook';
import { holdBackFollowers, type ClaimedDelivery } from './subscription-delivery-queue';
import { signingSecrets } from './subscription-secrets';

export type DeliveryResult = 'delivered' | 'retry' | 'failed';

/** Requests in flight at once per instance: receivers are the customer's systems, not ours to flood. */
const SENDS_AT_ONCE = 8;

const EVENT_GONE: PostOutcome = {
  ok: false,
  statusCode: null,
  durationMs: 0,
  error: 'The event is no longer kept (EVENT_RETENTION_DAYS); it cannot be sent.',
  responseExcerpt: null,
};

/**
 * Sends claimed jobs: each event as `{ type, timestamp, data }`, signed, with its id as `webhook-id` (the same on
 * every attempt). Then, in one transaction, every attempt as it went, each job delivered, due again (5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h) or failed, and each subscription's failing streak (five days of nothing but failures
 * disable it). A job whose lease ran out meanwhile is left to whoever has it now.
 */
export async function sendSubscriptionDeliveries(
  claims: readonly ClaimedDelivery[],
  now: () => Date,
): Promise<DeliveryResult[]> {
  if (claims.length === 0) return [];
  const [subscriptions, events] = await Promise.all([
    prisma.subscription.findMany({ where: { id: { in: [...new Set(claims.map((claim) => claim.subscriptionId))] } } }),
    prisma.feedEvent.findMany({ where: { id: { in: claims.map((claim) => claim.eventId) } } }),
  ]);
  const hookIds = [...new Set(events.flatMap((event) => (event.hookId ? [event.hookId] : [])))];
  const hooks =
    hookIds.length > 0
      ? await prisma.hook.findMany({ where: { id: { in: hookIds } }, select: { id: true, name: true } })
      : [];
  const subscriptionOf = new Map(subscriptions.map((subscription) => [subscription.id, subscription]));
  const eventOf = new Map(events.map((event) => [event.id, event]));
  const hookNameOf = new Map(hooks.map((hook) => [hook.id, hook.name]));
  const publicUrl = getPublicUrl();

  const sent: { claim: ClaimedDelivery; type: string; sentAt: Date; outcome: PostOutcome; finishedAt: Date }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < claims.length) {
      const claim = claims[next++]!;
      const subscription = subscriptionOf.get(claim.subscriptionId);
      if (!subscription) continue;
      const event = eventOf.get(claim.eventId);
      const sentAt = now();
      let outcome = EVENT_GONE;
      if (event) {
        const hookName = event.hookId ? (hookNameOf.get(event.hookId) ?? null) : null;
        const payload = toFeedEventPayload(event, { hookName, publicUrl });
        outcome = await postWebhook({
          url: subscription.url,
          messageId: payload.id,
          body: JSON.stringify({ type: payload.type, timestamp: payload.timestamp, data: payload.data }),
          secrets: signingSecrets(subscription, sentAt),
          now: sentAt,
        });
      }
      sent.push({ claim, type: event?.type ?? 'unknown', sentAt, outcome, finishedAt: now() });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENDS_AT_ONCE, claims.length) }, worker));

  const results = sent.map(({ claim, outcome, finishedAt }) => {
    const nextAttemptAt =
      outcome.ok || outcome === EVENT_GONE ? null : nextAttemptAfterFailure(claim.attempts, finishedAt);
    const result: DeliveryResult = outcome.ok ? 'delivered' : nextAttemptAt ? 'retry' : 'failed';
    return { result, nextAttemptAt };
  });
  await prisma.$transaction(async (tx) => {
    const delivered = sent.filter((_, index) => results[index]!.result === 'delivered');
    if (delivered.length > 0) {
      await tx.subscriptionDelivery.updateMany({
        where: { id: { in: delivered.map(({ claim }) => claim.id) }, leaseOwner: delivered[0]!.claim.token },
        data: { status: 'delivered', leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: null, deliveredAt: now() },
      });
    }
    for (const [index, { claim }] of sent.entries()) {
      const { result, nextAttemptAt } = results[index]!;
      if (result === 'delivered') continue;
      if (nextAttemptAt) await holdBackFollowers(tx, claim, nextAttemptAt);
      await tx.subscriptionDelivery.updateMany({
        where: { id: claim.id, leaseOwner: claim.token },
        data: {
          status: result === 'retry' ? 'pending' : 'failed',
          leaseOwner: null,
          leaseExpiresAt: null,
          nextAttemptAt,
        },
      });
    }
    // As one JSON parameter: createMany compiles its statement anew for every call (Prisma caches no bulk insert).
    const attempts = sent.map(({ claim, type, sentAt, outcome }) =>
      attemptRow({
        subscriptionId: claim.subscriptionId,
        eventId: claim.eventId,
        eventType: type,
        attemptedAt: sentAt,
        outcome,
      }),
    );
    await tx.$executeRaw(insertJsonRows(getDatabaseProvider(), 'SubscriptionAttempt', attempts, ATTEMPT_COLUMNS));
    for (const subscriptionId of new Set(sent.map(({ claim }) => claim.subscriptionId))) {
      const own = sent.filter(({ claim }) => claim.subscriptionId === subscriptionId);
      const success = own.find(({ outcome }) => outcome.ok);
      const last = own.at(-1)!;
      await updateFailingStreak(tx, subscriptionId, success ? success.outcome : last.outcome, last.finishedAt);
    }
  });
  return results.map(({ result }) => result);
}

const ATTEMPT_COLUMNS = {
  subscriptionId: 'text',
  eventId: 'text',
  eventType: 'text',
  attemptedAt: 'timestamp(3)',
  durationMs: 'integer',
  statusCode: 'integer',
  ok: 'boolean',
  error: 'text',
  responseExcerpt: 'text',
} satisfies Record<keyof ReturnType<typeof attemptRow>, JsonRowColumns[string]>;

type AttemptInput = {
  subscriptionId: string;
  eventId: string;
  eventType: string;
  attemptedAt: Date;
  outcome: PostOutcome;
};

function attemptRow(attempt: AttemptInput) {
  return {
    subscriptionId: attempt.subscriptionId,
    eventId: attempt.eventId,
    eventType: attempt.eventType,
    attemptedAt: attempt.attemptedAt,
    durationMs: attempt.outcome.durationMs,
    statusCode: attempt.outcome.statusCode,
    ok: attempt.outcome.ok,
    error: attempt.outcome.error?.slice(0, 1000) ?? null,
    responseExcerpt: attempt.outcome.responseExcerpt,
  };
}

/** Records one request and what it got back. */
export async function recordAttempt(tx: Transaction, attempt: AttemptInput) {
  await tx.subscriptionAttempt.create({ data: attemptRow(attempt) });
}

async function updateFailingStreak(tx: Transaction, subscriptionId: string, outcome: PostOutcome, at: Date) {
  if (outcome.ok) {
    await tx.subscription.updateMany({
      where: { id: subscriptionId, NOT: { failingSince: null } },
      data: { failingSince: null },
    });
    return;
  }
  const subscription = await tx.subscription.findUnique({
    where: { id: subscriptionId },
    select: { failingSince: true },
  });
  if (!subscription) return;
  if (!subscription.failingSince) {
    await tx.subscription.update({ where: { id: subscriptionId }, data: { failingSince: at } });
  } else if (at.getTime() - subscription.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
    await tx.subscription.update({
      where: { id: subscriptionId },
      data: {
        disabledAt: at,
        disabledReason: `Every request failed for 5 days (last: ${outcome.error ?? 'failed'}). Fix the receiving endpoint, then enable the subscription again; use Resend for what it missed.`,
      },
    });
  }
}
