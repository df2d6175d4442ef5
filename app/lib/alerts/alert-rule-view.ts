import 'server-only';
import type { AlertRule } from '@/app/generated/prisma/sqlite/client';
import type { AlertKind } from './alert-kinds';
import { describeAlertRule } from './describe-alert-rule';

/** A rule as the API and the Alerts page show it. */
export type AlertRuleView = {
  id: string;
  kind: AlertKind;
  /** In words: "An open envelope has had no activity for 3 days". */
  description: string;
  channelIds: string[];
  hookId: string | null;
  customValue: { key: string; value: string } | null;
  afterMinutes: number | null;
  threshold: number | null;
  windowMinutes: number | null;
  paused: boolean;
  createdAt: string;
};

export function toAlertRuleView(row: AlertRule & { channels: { channelId: string }[] }): AlertRuleView {
  const kind = row.kind as AlertKind;
  return {
    id: row.id,
    kind,
    description: describeAlertRule({ ...row, kind }),
    channelIds: row.channels.map((channel) => channel.channelId).sort(),
    hookId: row.hookId,
    customValue: row.customValueKey !== null ? { key: row.customValueKey, value: row.customValue ?? '' } : null,
    afterMinutes: row.afterMinutes,
    threshold: row.threshold,
    windowMinutes: row.windowMinutes,
    paused: row.pausedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
