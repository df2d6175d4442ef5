'use client';

import type { AlertChannel, AlertRule, SubscriptionChoice } from './alert-api';
import { ChannelCard } from './channel-card';
import { CreateChannelForm } from './create-channel-form';
import { useAlertChannels } from './use-alert-channels';
import { useAlertRules } from './use-alert-rules';

/** Where alerts go: the channels, kept current, and the form that adds one. */
export function ChannelsSection({
  initialChannels,
  initialRules,
  emailReady,
  subscriptions,
}: {
  initialChannels: AlertChannel[];
  initialRules: AlertRule[];
  emailReady: boolean;
  subscriptions: SubscriptionChoice[];
}) {
  const { channels, error } = useAlertChannels(initialChannels);
  const { rules } = useAlertRules(initialRules);
  return (
    <section aria-labelledby="alert-channels-heading" className="space-y-4 pt-4">
      <div>
        <h2 id="alert-channels-heading" className="text-lg font-semibold text-slate-900">
          Channels
        </h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Where alerts go: e-mail addresses, a Slack or Teams channel, or your own system through a Webhooks out
          subscription. A channel can also send a daily summary.
        </p>
      </div>
      {error ? (
        <p role="status" className="text-sm text-amber-800">
          Could not update the channels ({error.message}); showing the last state received.
        </p>
      ) : null}
      {channels.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No channels yet. Add one below, then choose it in a rule.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {channels.map((channel) => (
            <ChannelCard
              key={channel.id}
              channel={channel}
              ruleCount={rules.filter((rule) => rule.channelIds.includes(channel.id)).length}
            />
          ))}
        </div>
      )}
      <CreateChannelForm emailReady={emailReady} subscriptions={subscriptions} />
    </section>
  );
}
