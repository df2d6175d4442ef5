import 'server-only';
import { randomBytes } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import { getEnvironment } from '@/app/lib/env';
import { generateSigningSecret } from '@/app/lib/hooks/signing-secret';
import type { CreateSubscriptionBody } from './subscription-schemas';
import { checkSubscriptionTarget } from './subscription-target';
import { toSubscriptionViews, type SubscriptionView } from './subscription-view';
import { subscriptionsChanged } from './subscription-worker';

export type CreateSubscriptionResult =
  | { ok: true; subscription: SubscriptionView; secret: string }
  | { ok: false; status: 400 | 409; code: 'invalid_subscription' | 'too_many_subscriptions'; message: string };

/** Every dispatch reads every enabled subscription, so their number is bounded; far above what one team wires up. */
export const MAX_SUBSCRIPTIONS = 50;

/** Production sends only over https, except to loopback and private networks. */
export const requiresHttps = () => getEnvironment().NODE_ENV === 'production';

/**
 * A new subscription with a new Standard Webhooks key (`whsec_…`, shown this once). It receives the events recorded
 * from now on; earlier ones can be sent with resend.
 */
export async function createSubscription(
  body: CreateSubscriptionBody,
  now: Date = new Date(),
  options: { maxSubscriptions?: number } = {},
): Promise<CreateSubscriptionResult> {
  const maxSubscriptions = options.maxSubscriptions ?? MAX_SUBSCRIPTIONS;
  if ((await prisma.subscription.count()) >= maxSubscriptions) {
    return {
      ok: false,
      status: 409,
      code: 'too_many_subscriptions',
      message: `There are already ${maxSubscriptions} subscriptions, the most there can be: delete one you no longer use (DELETE /api/subscriptions/<id>) first; one subscription can take several event types.`,
    };
  }
  const target = checkSubscriptionTarget(body.url, { requireHttps: requiresHttps() });
  if (!target.ok) return { ok: false, status: 400, code: 'invalid_subscription', message: target.message };
  const secret = generateSigningSecret();
  const newest = await prisma.feedEvent.findFirst({ orderBy: { position: 'desc' }, select: { position: true } });
  const row = await prisma.subscription.create({
    data: {
      id: `sub_${randomBytes(12).toString('hex')}`,
      url: target.url,
      types: body.types ?? [],
      description: body.description || null,
      secret,
      createdAt: now,
      dispatchedPosition: newest?.position ?? 0,
    },
  });
  subscriptionsChanged();
  const [subscription] = await toSubscriptionViews([row], now);
  return { ok: true, subscription: subscription!, secret };
}
