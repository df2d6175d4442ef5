'use client';

import type { HookOption } from '@/app/ui/list/filter-fields';
import type { AlertChannel, AlertRule } from './alert-api';
import { CreateRuleForm } from './create-rule-form';
import { RuleCard } from './rule-card';
import { useAlertChannels } from './use-alert-channels';
import { useAlertRules } from './use-alert-rules';

/** What raises an alert: the rules, kept current, and the form that adds one. */
export function RulesSection({
  initialRules,
  initialChannels,
  hooks,
}: {
  initialRules: AlertRule[];
  initialChannels: AlertChannel[];
  hooks: HookOption[];
}) {
  const { rules, error } = useAlertRules(initialRules);
  const { channels } = useAlertChannels(initialChannels);
  return (
    <section aria-labelledby="alert-rules-heading" className="space-y-4 pt-4">
      <div>
        <h2 id="alert-rules-heading" className="text-lg font-semibold text-slate-900">
          Rules
        </h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          What deserves an alert, and to which channels it goes. A rule can be limited to one hook or to the envelopes
          with a given custom value, and paused without losing it.
        </p>
      </div>
      <CreateRuleForm channels={channels} hooks={hooks} />
      {error ? (
        <p role="status" className="text-sm text-amber-800">
          Could not update the rules ({error.message}); showing the last state received.
        </p>
      ) : null}
      {rules.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No rules yet: nothing raises an alert. Add one above, or start from the suggestions at the top.
        </p>
      ) : (
        <div className="space-y-4">
          {rules.map((rule) => (
            <RuleCard key={rule.id} rule={rule} channels={channels} hooks={hooks} />
          ))}
        </div>
      )}
    </section>
  );
}
