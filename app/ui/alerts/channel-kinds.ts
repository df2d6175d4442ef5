import type { AlertChannelKind } from '@/app/lib/alerts/alert-kinds';

export const CHANNEL_KIND_LABELS: Record<AlertChannelKind, string> = {
  email: 'E-mail',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  webhook: 'Webhook',
};

/** What the target of each kind is, where to find it, and what it looks like. */
export const CHANNEL_TARGETS: Record<
  AlertChannelKind,
  { label: string; hint: string; placeholder: string; namePlaceholder: string }
> = {
  email: {
    label: 'E-mail addresses',
    hint: 'One or more, separated by commas (at most 20; for more people, use a mailing list).',
    placeholder: 'ops@example.com, jane@example.com',
    namePlaceholder: 'Operations team',
  },
  slack: {
    label: 'Slack webhook URL',
    hint: 'In Slack, add an incoming webhook to the channel and copy its URL. Anyone with it can post there: once saved, only its start and end are shown.',
    placeholder: 'https://hooks.slack.com/services/T000/B000/XXXX',
    namePlaceholder: '#contracts-ops',
  },
  teams: {
    label: 'Teams webhook URL',
    hint: 'In Teams, set up the Workflows flow "Post to a channel when a webhook request is received" (or an incoming webhook) and copy its URL. Once saved, only its start and end are shown.',
    placeholder: 'https://prod-00.westeurope.logic.azure.com/workflows/…',
    namePlaceholder: 'Back office, Contracts channel',
  },
  webhook: {
    label: 'Subscription',
    hint: 'Alerts go to your system as signed JSON events through one of the subscriptions under Setup, Webhooks out.',
    placeholder: 'sub_…',
    namePlaceholder: 'CRM',
  },
};

/** Whether the stored target is shown only in part from now on. */
export function hidesTarget(kind: AlertChannelKind): boolean {
  return kind === 'slack' || kind === 'teams';
}

/** What a channel receives, in words: "Alerts and a daily summary at 08:30 Europe/Bucharest". */
export function describeChannelReceives(channel: {
  sendsAlerts: boolean;
  digest: { time: string; timeZone: string } | null;
}): string {
  const summary = channel.digest ? `daily summary at ${channel.digest.time} ${channel.digest.timeZone}` : null;
  if (channel.sendsAlerts && summary) return `Alerts and a ${summary}`;
  if (channel.sendsAlerts) return 'Alerts';
  if (summary) return `Only a ${summary}`;
  return 'Nothing: neither alerts nor a daily summary';
}
