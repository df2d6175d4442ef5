'use client';

import { useState } from 'react';
import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import { ALERT_RULES_API_URL, alertRuleSchema, type AlertChannel, type AlertRule } from './alert-api';
import { ChannelCheckboxes } from './channel-checkboxes';
import { isSuggestionAdded, SUGGESTED_RULES, type SuggestedRule } from './suggested-rules';
import { useAlertAction } from './use-alert-action';
import { useAlertChannels } from './use-alert-channels';
import { useAlertRules } from './use-alert-rules';

/**
 * Starter rules, offered while there are none: each is added only by its own button, for the channels ticked here.
 * Once offered, the panel stays until hidden, so the second and third suggestions can follow the first.
 */
export function SuggestedRulesPanel({
  initialRules,
  initialChannels,
}: {
  initialRules: AlertRule[];
  initialChannels: AlertChannel[];
}) {
  const { rules } = useAlertRules(initialRules);
  const { channels } = useAlertChannels(initialChannels);
  const [offered] = useState(initialRules.length === 0);
  const [hidden, setHidden] = useState(false);
  // Kept as the channels unticked, so a channel added after the panel opened starts ticked like the others.
  const [unticked, setUnticked] = useState<Set<string>>(() => new Set());
  if (hidden || (!offered && rules.length > 0)) return null;
  const ticked = channels.filter((channel) => !unticked.has(channel.id)).map((channel) => channel.id);

  return (
    <section
      aria-labelledby="suggested-rules-heading"
      data-testid="suggested-rules"
      className="rounded-lg border border-brand-600/25 bg-brand-50 p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1 basis-64">
          <h2 id="suggested-rules-heading" className="text-base font-semibold text-slate-900">
            Suggested rules
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-700">
            Four rules most teams start with. None is on until you add it.
          </p>
        </div>
        {rules.length > 0 ? (
          <button type="button" onClick={() => setHidden(true)} className={SECONDARY_BUTTON}>
            Hide suggestions
          </button>
        ) : null}
      </div>
      <div className="mt-3">
        <ChannelCheckboxes
          legend="Send to"
          channels={channels}
          selected={new Set(ticked)}
          onChange={(selected) =>
            setUnticked(new Set(channels.filter((channel) => !selected.has(channel.id)).map((channel) => channel.id)))
          }
        />
      </div>
      <ul className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {SUGGESTED_RULES.map((suggestion) => (
          <Suggestion
            key={suggestion.title}
            suggestion={suggestion}
            added={isSuggestionAdded(suggestion, rules)}
            channelIds={ticked}
          />
        ))}
      </ul>
    </section>
  );
}

function Suggestion({
  suggestion,
  added,
  channelIds,
}: {
  suggestion: SuggestedRule;
  added: boolean;
  channelIds: string[];
}) {
  const { run, error, pending } = useAlertAction();
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-3 py-3" data-testid="suggested-rule">
      <div className="min-w-0 flex-1 basis-64">
        <p className="text-sm font-medium text-slate-900">{suggestion.title}</p>
        <p className="mt-0.5 text-xs text-slate-600">{suggestion.why}</p>
        <InlineError message={error} />
      </div>
      {added ? (
        <span role="status" className="py-1.5 text-sm font-medium text-emerald-800">
          <span aria-hidden>✓ </span>Added
        </span>
      ) : (
        <button
          type="button"
          disabled={pending || channelIds.length === 0}
          aria-label={`Add ${suggestion.title}`}
          title={channelIds.length === 0 ? 'Tick a channel above first' : undefined}
          onClick={() =>
            void run(
              () =>
                requestJson(ALERT_RULES_API_URL, {
                  method: 'POST',
                  body: {
                    kind: suggestion.kind,
                    channelIds,
                    ...(suggestion.afterMinutes === null ? {} : { afterMinutes: suggestion.afterMinutes }),
                  },
                  schema: alertRuleSchema,
                }),
              'The rule was not added',
            )
          }
          className={SECONDARY_BUTTON}
        >
          {pending ? 'Adding…' : 'Add'}
        </button>
      )}
    </li>
  );
}
