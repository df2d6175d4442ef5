import 'server-only';

/** One alert sent (or to be sent) to one channel, as the history lists it. */
export type AlertHistoryItem = {
  id: number;
  ruleId: string | null;
  /** The rule's kind, or "digest" for a daily summary. */
  kind: string;
  envelopeId: string | null;
  channelId: string;
  channelName: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  sentAt: string | null;
  error: string | null;
  summary: string;
  raisedAt: string;
  nextAttemptAt: string | null;
};

type DeliveryRow = {
  id: number;
  ruleId: string | null;
  kind: string;
  envelopeId: string | null;
  channelId: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  sentAt: Date | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  digestDate: string | null;
  createdAt: Date;
  channel: { name: string };
  alert: { summary: string; raisedAt: Date } | null;
};

export const ALERT_HISTORY_INCLUDE = {
  channel: { select: { name: true } },
  alert: { select: { summary: true, raisedAt: true } },
} as const;

export function toAlertHistoryItem(row: DeliveryRow): AlertHistoryItem {
  return {
    id: row.id,
    ruleId: row.ruleId,
    kind: row.kind,
    envelopeId: row.envelopeId,
    channelId: row.channelId,
    channelName: row.channel.name,
    status: row.status,
    attempts: row.attempts,
    sentAt: row.sentAt?.toISOString() ?? null,
    error: row.status === 'sent' ? null : row.lastError,
    summary: row.alert?.summary ?? `Daily summary for ${row.digestDate ?? 'the day'}`,
    raisedAt: (row.alert?.raisedAt ?? row.createdAt).toISOString(),
    nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
  };
}
