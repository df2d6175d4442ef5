import 'server-only';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { toFeedEventPayload } from '@/app/lib/feed/to-feed-event-payload';
import { DISABLE_AFTER_FAILING_MS, nextAttemptAfterFailure } from './delivery-schedule';
import { postWebhook, type PostOutcome } from './post-webhook';
import type { ClaimedDelivery } from './subscription-delivery-queue';
import { signingSecrets } from './subscription-secrets';

export type DeliveryResult = 'delivered' | 'retry' | 'failed' | 'lease_lost';

/**
 * Sends a claimed job: the event as `{ type, timestamp, data }`, signed, with its id as `webhook-id` (the same on every
 * attempt). Records the attempt, then the job delivered, due again (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) or
 * failed, and the subscription's failing streak (five days of nothing but failures disable it).
 */
export async function sendSubscriptionDelivery(claim: ClaimedDelivery, now: () => Date): Promise<DeliveryResult> {
  const [subscription, event] = await Promise.all([
    prisma.subscription.findUnique({ where: { id: claim.subscriptionId } }),
    prisma.feedEvent.findUnique({ where: { id: claim.eventId } }),
  ]);
  if (!subscription) return 'lease_lost';
  const sentAt = now();
  let outcome: PostOutcome;
  if (!event) {
    outcome = {
      ok: false,
      statusCode: null,
      durationMs: 0,
      error: 'The event is no longer kept (EVENT_RETENTION_DAYS); it cannot be sent.',
      responseExcerpt: null,
    };
  } else {
    const hook = event.hookId
      ? await prisma.hook.findUnique({ where: { id: event.hookId }, select: { name: true } })
      : null;
    const payload = toFeedEventPayload(event, { hookName: hook?.name ?? null, publicUrl: getPublicUrl() });
    outcome = await postWebhook({
      url: subscription.url,
      messageId: payload.id,
      body: JSON.stringify({ type: payload.type, timestamp: payload.timestamp, data: payload.data }),
      secrets: signingSecrets(subscription, sentAt),
      now: sentAt,
    });
  }
  const finishedAt = now();
  const nextAttemptAt = outcome.ok || !event ? null : nextAttemptAfterFailure(claim.attempts, finishedAt);
  const result: DeliveryResult = outcome.ok ? 'delivered' : nextAttemptAt ? 'retry' : 'failed';
  const recorded = await prisma.$transaction(async (tx) => {
    const changed = await tx.subscriptionDelivery.updateMany({
      where: { id: claim.id, leaseOwner: claim.token },
      data: {
        leaseOwner: null,
        leaseExpiresAt: null,
        status: result === 'retry' ? 'pending' : result,
        nextAttemptAt,
        deliveredAt: outcome.ok ? finishedAt : null,
      },
    });
    if (changed.count !== 1) return false;
    await recordAttempt(tx, {
      subscriptionId: claim.subscriptionId,
      eventId: claim.eventId,
      eventType: event?.type ?? 'unknown',
      attemptedAt: sentAt,
      outcome,
    });
    await updateFailingStreak(tx, claim.subscriptionId, outcome, finishedAt);
    return true;
  });
  return recorded ? result : 'lease_lost';
}

export async function recordAttempt(
  tx: Transaction,
  attempt: { subscriptionId: string; eventId: string; eventType: string; attemptedAt: Date; outcome: PostOutcome },
) {
  await tx.subscriptionAttempt.create({
    data: {
      subscriptionId: attempt.subscriptionId,
      eventId: attempt.eventId,
      eventType: attempt.eventType,
      attemptedAt: attempt.attemptedAt,
      durationMs: attempt.outcome.durationMs,
      statusCode: attempt.outcome.statusCode,
      ok: attempt.outcome.ok,
      error: attempt.outcome.error?.slice(0, 1000) ?? null,
      responseExcerpt: attempt.outcome.responseExcerpt,
    },
  });
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
