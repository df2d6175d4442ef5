'use client';

import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import type { AlertChannel } from './alert-api';
import { CHANNEL_KIND_LABELS, describeChannelReceives } from './channel-kinds';
import { ChannelTestResult } from './channel-test-result';
import { DeleteChannelButton } from './delete-channel-button';
import { useChannelTest } from './use-channel-test';

const KIND_BADGE =
  'inline-flex items-center whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-500/30';

/** One channel: where it sends, what it receives, a test, and the way to remove it. */
export function ChannelCard({ channel, ruleCount }: { channel: AlertChannel; ruleCount: number }) {
  const headingId = `channel-${channel.id}-heading`;
  const test = useChannelTest(channel.id);
  return (
    <section
      aria-labelledby={headingId}
      data-testid="alert-channel"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <h3 id={headingId} className="min-w-0 break-words text-base font-semibold text-slate-900">
              {channel.name}
            </h3>
            <span className={KIND_BADGE}>{CHANNEL_KIND_LABELS[channel.kind]}</span>
          </div>
          <p className="mt-1 wrap-anywhere font-mono text-sm text-slate-700" data-testid="alert-channel-target">
            {channel.target}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            Added <ExactTime iso={channel.createdAt} />
          </p>
        </div>
        <DeleteChannelButton channelId={channel.id} name={channel.name} ruleCount={ruleCount} />
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="text-xs text-slate-500 sm:pt-0.5">Receives</dt>
        <dd className="text-slate-800" data-testid="alert-channel-receives">
          {describeChannelReceives(channel)}
        </dd>
        <dt className="text-xs text-slate-500 sm:pt-0.5">Rules</dt>
        <dd className="text-slate-800">
          {ruleCount === 0 ? (
            <span className="text-slate-600">No rule sends here yet</span>
          ) : (
            `${ruleCount} ${ruleCount === 1 ? 'rule sends' : 'rules send'} here`
          )}
        </dd>
      </dl>
      <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1">
        <button
          type="button"
          onClick={() => void test.send()}
          disabled={test.state.kind === 'sending'}
          className={SECONDARY_BUTTON}
        >
          {test.state.kind === 'sending' ? 'Sending…' : 'Send test'}
        </button>
        <p className="text-xs text-slate-600">Sends a test alert now, as a real one would go.</p>
      </div>
      <ChannelTestResult state={test.state} />
    </section>
  );
}
