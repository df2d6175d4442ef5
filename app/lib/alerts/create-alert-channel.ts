import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toAlertChannelView, type AlertChannelView } from './alert-channel-view';
import { newAlertChannelId } from './alert-ids';
import { MAX_ALERT_CHANNELS, tooManyAlertChannels } from './alert-limits';
import type { AlertFailure } from './alert-not-found';
import type { CreateAlertChannelBody } from './alert-schemas';
import { resolveAlertChannelTarget } from './resolve-alert-channel-target';

const DEFAULT_NAMES = { email: 'E-mail', slack: 'Slack', teams: 'Teams', webhook: 'Webhook' } as const;

/** A new place for alerts to go. Its target is shown masked from now on where it holds a secret. */
export async function createAlertChannel(options: {
  body: CreateAlertChannelBody;
  now?: Date;
  /** The most there may be; MAX_ALERT_CHANNELS unless told. */
  maxChannels?: number;
}): Promise<{ ok: true; channel: AlertChannelView } | AlertFailure> {
  const { body } = options;
  const limit = options.maxChannels ?? MAX_ALERT_CHANNELS;
  if ((await prisma.alertChannel.count()) >= limit) return tooManyAlertChannels(limit);
  const target = await resolveAlertChannelTarget({ kind: body.kind, target: body.target });
  if (!target.ok) return target;
  const row = await prisma.alertChannel.create({
    data: {
      id: newAlertChannelId(),
      kind: body.kind,
      name: body.name || DEFAULT_NAMES[body.kind],
      target: target.target,
      sendsAlerts: body.sendsAlerts ?? true,
      digestTime: body.digest?.time ?? null,
      digestTimeZone: body.digest?.timeZone ?? null,
      createdAt: options.now ?? new Date(),
    },
  });
  return { ok: true, channel: toAlertChannelView(row) };
}
