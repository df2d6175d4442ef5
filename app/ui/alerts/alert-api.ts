import { z } from 'zod';
import { ALERT_CHANNEL_KINDS, ALERT_KINDS } from '@/app/lib/alerts/alert-kinds';

// What the alerts API answers, checked in the browser: a proxy or a server updated under an open tab may answer
// something else, and requestJson then says so instead of the page breaking.

export const ALERT_CHANNELS_API_URL = '/api/alerts/channels';
export const ALERT_RULES_API_URL = '/api/alerts/rules';
export const ALERT_HISTORY_API_URL = '/api/alerts/history';

/** How many history entries one page of the list holds (the server renders the first). */
export const HISTORY_PAGE_SIZE = 25;

export function alertChannelApiUrl(id: string): string {
  return `${ALERT_CHANNELS_API_URL}/${encodeURIComponent(id)}`;
}

export function alertRuleApiUrl(id: string): string {
  return `${ALERT_RULES_API_URL}/${encodeURIComponent(id)}`;
}

export type HistoryFilters = { rule: string; channel: string };

export function alertHistoryApiUrl(filters: HistoryFilters, cursor: string | null): string {
  const query = new URLSearchParams({ limit: String(HISTORY_PAGE_SIZE) });
  if (filters.rule) query.set('rule', filters.rule);
  if (filters.channel) query.set('channel', filters.channel);
  if (cursor) query.set('cursor', cursor);
  return `${ALERT_HISTORY_API_URL}?${query}`;
}

export const alertChannelSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_CHANNEL_KINDS),
  name: z.string(),
  /** Masked where it holds a secret (Slack and Teams URLs). */
  target: z.string(),
  sendsAlerts: z.boolean(),
  digest: z.object({ time: z.string(), timeZone: z.string() }).nullable(),
  createdAt: z.string(),
});
export type AlertChannel = z.infer<typeof alertChannelSchema>;

export const alertChannelListSchema = z.object({ items: z.array(alertChannelSchema) });

export const alertRuleSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  description: z.string(),
  channelIds: z.array(z.string()),
  hookId: z.string().nullable(),
  customValue: z.object({ key: z.string(), value: z.string() }).nullable(),
  afterMinutes: z.number().nullable(),
  threshold: z.number().nullable(),
  windowMinutes: z.number().nullable(),
  paused: z.boolean(),
  createdAt: z.string(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertRuleListSchema = z.object({ items: z.array(alertRuleSchema) });

export const alertHistoryItemSchema = z.object({
  id: z.number(),
  ruleId: z.string().nullable(),
  /** The rule's kind, or "digest" for a daily summary. */
  kind: z.string(),
  envelopeId: z.string().nullable(),
  channelId: z.string(),
  channelName: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
  summary: z.string(),
  raisedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
});
export type AlertHistoryItem = z.infer<typeof alertHistoryItemSchema>;

export const alertHistoryPageSchema = z.object({
  items: z.array(alertHistoryItemSchema),
  nextCursor: z.string().nullable(),
});
export type AlertHistoryPage = z.infer<typeof alertHistoryPageSchema>;

/** What `POST /api/alerts/channels/<id>/test` made of the test alert. */
export const channelTestResultSchema = z.object({
  ok: z.boolean(),
  durationMs: z.number(),
  error: z.string().nullable(),
});
export type ChannelTestResult = z.infer<typeof channelTestResultSchema>;

/** A change-feed subscription a webhook channel can post through. */
export type SubscriptionChoice = { id: string; url: string; description: string | null };
