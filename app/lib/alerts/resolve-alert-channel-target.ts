import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { requiresHttps } from '@/app/lib/subscriptions/create-subscription';
import type { AlertChannelKind } from './alert-kinds';
import type { AlertFailure } from './alert-not-found';
import { checkAlertChannelTarget } from './channels/check-alert-channel-target';

/** The target as stored, or why it cannot be one: the URL rules of subscriptions, and a webhook's subscription must exist. */
export async function resolveAlertChannelTarget(options: {
  kind: AlertChannelKind;
  target: string;
}): Promise<{ ok: true; target: string } | AlertFailure> {
  const checked = checkAlertChannelTarget({ ...options, requireHttps: requiresHttps() });
  if (!checked.ok) return { ok: false, status: 400, code: 'invalid_channel', message: checked.message };
  if (options.kind === 'webhook') {
    const subscription = await prisma.subscription.findUnique({ where: { id: checked.target }, select: { id: true } });
    if (!subscription) {
      return {
        ok: false,
        status: 400,
        code: 'invalid_channel',
        message: `No subscription ${checked.target}: create one with POST /api/subscriptions (or on Setup) and give its id.`,
      };
    }
  }
  return { ok: true, target: checked.target };
}
