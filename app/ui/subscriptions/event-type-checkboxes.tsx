'use client';

import { FEED_EVENT_TYPES } from '@/app/lib/feed/feed-event-types';

/** The feed's types by what they are about (the part before the dot), in the feed's own order. */
const GROUPS = FEED_EVENT_TYPES.reduce<{ topic: string; types: string[] }[]>((groups, type) => {
  const topic = type.slice(0, type.indexOf('.'));
  const group = groups.find((candidate) => candidate.topic === topic);
  if (group) group.types.push(type);
  else groups.push({ topic, types: [type] });
  return groups;
}, []);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Which event types a subscription receives; none checked means all of them. */
export function EventTypeCheckboxes({
  selected,
  onChange,
  disabled,
}: {
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  disabled?: boolean;
}) {
  function toggle(type: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(type);
    else next.delete(type);
    onChange(next);
  }

  return (
    <fieldset disabled={disabled} aria-describedby="subscription-types-hint">
      <legend className="text-sm font-medium text-slate-700">Event types</legend>
      <p id="subscription-types-hint" className="text-xs text-slate-500">
        {selected.size === 0
          ? 'None checked: every type is sent, including types added later.'
          : `Only the ${selected.size} checked ${selected.size === 1 ? 'type is' : 'types are'} sent.`}
      </p>
      <div className="mt-2 grid gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
        {GROUPS.map((group) => (
          <fieldset key={group.topic}>
            <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {capitalize(group.topic)}
            </legend>
            <ul className="mt-1 space-y-1">
              {group.types.map((type) => (
                <li key={type}>
                  <label className="flex items-start gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      checked={selected.has(type)}
                      onChange={(event) => toggle(type, event.target.checked)}
                      className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
                    />
                    <span className="min-w-0 wrap-anywhere font-mono text-xs leading-5">{type}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
