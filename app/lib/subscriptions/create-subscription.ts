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
  { ok: true; subscription: SubscriptionView; secret: string } | { ok: false; message: string };

/** Production sends only over https, except to loopback and private networks. */
export const requiresHttps = () => getEnvironment().NODE_ENV === 'production';

/**
 * A new subscription with a new Standard Webhooks key (`whsec_…`, shown this once). It receives the events recorded
 * from now on; earlier ones can be sent with resend.
 */
export async function createSubscription(
  body: CreateSubscriptionBody,
  now: Date = new Date(),
): Promise<CreateSubscriptionResult> {
  const target = checkSubscriptionTarget(body.url, { requireHttps: requiresHttps() });
  if (!target.ok) return target;
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
