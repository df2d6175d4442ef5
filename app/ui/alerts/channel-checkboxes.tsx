'use client';

import type { AlertChannel } from './alert-api';
import { CHANNEL_KIND_LABELS } from './channel-kinds';
import { ADD_CHANNEL_FORM_ID } from './create-channel-form';

const CHECKBOX = 'mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-600';

/** Which channels a rule sends to; without any channel, the way to add one. */
export function ChannelCheckboxes({
  legend,
  channels,
  selected,
  onChange,
  disabled,
}: {
  legend: string;
  channels: AlertChannel[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  disabled?: boolean;
}) {
  function toggle(id: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    onChange(next);
  }

  return (
    <fieldset disabled={disabled}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {channels.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">
          <a href={`#${ADD_CHANNEL_FORM_ID}`} className="font-medium text-brand-700 underline underline-offset-2">
            Add a channel first
          </a>
          : an e-mail address, a Slack or Teams channel, or a webhook.
        </p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {channels.map((channel) => (
            <li key={channel.id} className="min-w-0">
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={selected.has(channel.id)}
                  onChange={(event) => toggle(channel.id, event.target.checked)}
                  className={CHECKBOX}
                />
                <span className="min-w-0 break-words">
                  {channel.name} <span className="text-slate-500">({CHANNEL_KIND_LABELS[channel.kind]})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
