import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { newFeedEventId } from '@/app/lib/feed/new-feed-event-id';
import { postWebhook, type PostOutcome } from './post-webhook';
import { recordAttempt } from './send-subscription-delivery';
import { signingSecrets } from './subscription-secrets';

export const TEST_EVENT_TYPE = 'subscription.test';

/**
 * Sends a signed `subscription.test` event to the subscription's URL now, once, and records the attempt: what the
 * receiver answered. Null when there is no such subscription.
 */
export async function sendSubscriptionTest(
  id: string,
  now: () => Date = () => new Date(),
): Promise<({ eventId: string } & PostOutcome) | null> {
  const subscription = await prisma.subscription.findUnique({ where: { id } });
  if (!subscription) return null;
  const eventId = newFeedEventId();
  const sentAt = now();
  const body = JSON.stringify({
    type: TEST_EVENT_TYPE,
    timestamp: sentAt.toISOString(),
    data: {
      subscription: subscription.id,
      message: 'A test from the envelope tracker: verify the signature, then answer 2xx.',
      links: { dashboard: `${getPublicUrl().replace(/\/+$/, '')}/setup` },
    },
  });
  const outcome = await postWebhook({
    url: subscription.url,
    messageId: eventId,
    body,
    secrets: signingSecrets(subscription, sentAt),
    now: sentAt,
  });
  await prisma.$transaction((tx) =>
    recordAttempt(tx, { subscriptionId: id, eventId, eventType: TEST_EVENT_TYPE, attemptedAt: sentAt, outcome }),
  );
  return { eventId, ...outcome };
}
