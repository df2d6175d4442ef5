'use client';

import { useState } from 'react';
import { ALERT_KINDS, type AlertKind } from '@/app/lib/alerts/alert-kinds';
import { ALERT_KIND_TITLES } from '@/app/lib/alerts/describe-alert-rule';
import { requestJson } from '@/app/ui/api/request-json';
import type { HookOption } from '@/app/ui/list/filter-fields';
import { InlineError } from '@/app/ui/setup/inline-error';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';
import { ALERT_RULES_API_URL, alertRuleSchema, type AlertChannel } from './alert-api';
import { ALERT_KIND_EXPLANATIONS, HOOK_LEVEL_KINDS } from './alert-kind-explanations';
import { ChannelCheckboxes } from './channel-checkboxes';
import { RuleParameterFields } from './rule-parameter-fields';
import { defaultRuleParameters, readRuleParameters, type RuleParametersInput } from './rule-parameters';
import { EMPTY_SCOPE, readRuleScope, RuleScopeFields, type RuleScopeInput } from './rule-scope-fields';
import { useAlertAction } from './use-alert-action';

/** Adds a rule: what to watch for, its timing, where to send, and optionally which hook or envelopes. */
export function CreateRuleForm({ channels, hooks }: { channels: AlertChannel[]; hooks: HookOption[] }) {
  const [kind, setKind] = useState<AlertKind>('rejected');
  const [parameters, setParameters] = useState<RuleParametersInput>(() => defaultRuleParameters('rejected'));
  const [channelIds, setChannelIds] = useState<Set<string>>(() => new Set());
  const [scope, setScope] = useState<RuleScopeInput>(EMPTY_SCOPE);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { run, error, pending } = useAlertAction();
  // A channel deleted since it was ticked is not sent.
  const chosen = channels.filter((channel) => channelIds.has(channel.id)).map((channel) => channel.id);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const read = readRuleParameters(kind, parameters);
    const problem = !read.ok ? read.message : chosen.length === 0 ? 'Choose at least one channel to send to.' : null;
    setInvalid(problem);
    if (!read.ok || problem) return;
    const outcome = await run(
      () =>
        requestJson(ALERT_RULES_API_URL, {
          method: 'POST',
          body: {
            kind,
            channelIds: chosen,
            ...readRuleScope(scope, !HOOK_LEVEL_KINDS.includes(kind)),
            ...read.value,
          },
          schema: alertRuleSchema,
        }),
      'The rule was not added',
    );
    if (!outcome.ok) return;
    setAdded(`Rule added: ${outcome.value.description}.`);
    setScope(EMPTY_SCOPE);
  }

  return (
    <form
      id="add-rule"
      onSubmit={(event) => void create(event)}
      aria-labelledby="add-rule-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h3 id="add-rule-heading" className="text-base font-semibold text-slate-900">
        Add a rule
      </h3>
      <div className="mt-3 space-y-4">
        <div>
          <label htmlFor="rule-kind" className="block text-sm font-medium text-slate-700">
            Alert when
          </label>
          <select
            id="rule-kind"
            value={kind}
            onChange={(event) => {
              const next = event.target.value as AlertKind;
              setKind(next);
              // Each kind starts from its own sensible wait (3 days stuck, 24 hours silent).
              setParameters(defaultRuleParameters(next));
              setInvalid(null);
            }}
            aria-describedby="rule-kind-explanation"
            className={`${FIELD} mt-1 sm:max-w-md`}
          >
            {ALERT_KINDS.map((option) => (
              <option key={option} value={option}>
                {ALERT_KIND_TITLES[option]}
              </option>
            ))}
          </select>
          <p id="rule-kind-explanation" className="mt-1 text-xs text-slate-500">
            {ALERT_KIND_EXPLANATIONS[kind]}
          </p>
        </div>
        <RuleParameterFields idPrefix="rule" kind={kind} value={parameters} onChange={setParameters} />
        <ChannelCheckboxes legend="Send to" channels={channels} selected={channelIds} onChange={setChannelIds} />
        <RuleScopeFields
          idPrefix="rule"
          hooks={hooks}
          value={scope}
          onChange={setScope}
          withCustomValue={!HOOK_LEVEL_KINDS.includes(kind)}
        />
      </div>
      <div className="mt-4">
        <button type="submit" disabled={pending || channels.length === 0} className={PRIMARY_BUTTON}>
          {pending ? 'Adding…' : 'Add rule'}
        </button>
      </div>
      <InlineError message={invalid ?? error} />
      {/* Always in the page, so the new rule is announced when it appears. */}
      <p role="status" aria-live="polite" className={added ? 'mt-2 text-sm text-emerald-800' : 'sr-only'}>
        {added ?? ''}
      </p>
    </form>
  );
}
