import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { requiresHttps } from './create-subscription';
import type { UpdateSubscriptionBody } from './subscription-schemas';
import { checkSubscriptionTarget } from './subscription-target';
import { toSubscriptionViews, type SubscriptionView } from './subscription-view';
import { subscriptionsChanged } from './subscription-worker';

export type UpdateSubscriptionResult =
  { ok: true; subscription: SubscriptionView } | { ok: false; status: 400 | 404; code: string; message: string };

/** Changes a subscription; enabling it again clears its failing streak (jobs it missed wait for resend). */
export async function updateSubscription(
  id: string,
  body: UpdateSubscriptionBody,
  now: Date = new Date(),
): Promise<UpdateSubscriptionResult> {
  const existing = await prisma.subscription.findUnique({ where: { id } });
  if (!existing) return notFound();
  let url: string | undefined;
  if (body.url !== undefined) {
    const target = checkSubscriptionTarget(body.url, { requireHttps: requiresHttps() });
    if (!target.ok) return { ok: false, status: 400, code: 'invalid_subscription', message: target.message };
    url = target.url;
  }
  const switched =
    body.enabled === undefined
      ? {}
      : body.enabled
        ? { disabledAt: null, disabledReason: null, failingSince: null }
        : existing.disabledAt
          ? {}
          : { disabledAt: now, disabledReason: 'Disabled by an admin.' };
  const row = await prisma.subscription.update({
    where: { id },
    data: {
      ...(url !== undefined ? { url } : {}),
      ...(body.types !== undefined ? { types: body.types } : {}),
      ...(body.description !== undefined ? { description: body.description || null } : {}),
      ...switched,
    },
  });
  subscriptionsChanged();
  const [subscription] = await toSubscriptionViews([row], now);
  return { ok: true, subscription: subscription! };
}

export function notFound() {
  return {
    ok: false as const,
    status: 404 as const,
    code: 'not_found',
    message: 'No subscription has this id. GET /api/subscriptions lists them.',
  };
}
