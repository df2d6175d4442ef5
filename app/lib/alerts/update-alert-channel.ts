import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { AlertChannelKind } from './alert-kinds';
import { toAlertChannelView, type AlertChannelView } from './alert-channel-view';
import { alertChannelNotFound, type AlertFailure } from './alert-not-found';
import type { UpdateAlertChannelBody } from './alert-schemas';
import { resolveAlertChannelTarget } from './resolve-alert-channel-target';

/** Renames a channel, replaces its target, or changes what it receives (single alerts, the daily summary). */
export async function updateAlertChannel(options: {
  id: string;
  body: UpdateAlertChannelBody;
}): Promise<{ ok: true; channel: AlertChannelView } | AlertFailure> {
  const { id, body } = options;
  const existing = await prisma.alertChannel.findUnique({ where: { id } });
  if (!existing) return alertChannelNotFound();
  let target: string | undefined;
  if (body.target !== undefined) {
    const resolved = await resolveAlertChannelTarget({ kind: existing.kind as AlertChannelKind, target: body.target });
    if (!resolved.ok) return resolved;
    target = resolved.target;
  }
  const row = await prisma.alertChannel.update({
    where: { id },
    data: {
      ...(target !== undefined ? { target } : {}),
      ...(body.name !== undefined ? { name: body.name || existing.name } : {}),
      ...(body.sendsAlerts !== undefined ? { sendsAlerts: body.sendsAlerts } : {}),
      ...(body.digest !== undefined
        ? { digestTime: body.digest?.time ?? null, digestTimeZone: body.digest?.timeZone ?? null }
        : {}),
    },
  });
  return { ok: true, channel: toAlertChannelView(row) };
}
