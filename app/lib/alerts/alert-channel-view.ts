import 'server-only';
import type { AlertChannel } from '@/app/generated/prisma/sqlite/client';
import type { AlertChannelKind } from './alert-kinds';
import { maskAlertChannelTarget } from './channels/mask-alert-channel-target';

/** A channel as the API and the Alerts page show it: a target that holds a secret only masked. */
export type AlertChannelView = {
  id: string;
  kind: AlertChannelKind;
  name: string;
  target: string;
  sendsAlerts: boolean;
  digest: { time: string; timeZone: string } | null;
  createdAt: string;
};

export function toAlertChannelView(row: AlertChannel): AlertChannelView {
  const kind = row.kind as AlertChannelKind;
  return {
    id: row.id,
    kind,
    name: row.name,
    target: maskAlertChannelTarget({ kind, target: row.target }),
    sendsAlerts: row.sendsAlerts,
    digest: row.digestTime && row.digestTimeZone ? { time: row.digestTime, timeZone: row.digestTimeZone } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
