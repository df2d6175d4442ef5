'use client';

import { useId, useState } from 'react';
import { requestJson } from '@/app/ui/api/request-json';
import type { HookOption } from '@/app/ui/list/filter-fields';
import { InlineError } from '@/app/ui/setup/inline-error';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import { alertRuleApiUrl, alertRuleSchema, type AlertChannel, type AlertRule } from './alert-api';
import { HOOK_LEVEL_KINDS } from './alert-kind-explanations';
import { ChannelCheckboxes } from './channel-checkboxes';
import { RuleParameterFields } from './rule-parameter-fields';
import { readRuleParameters, ruleParametersInput, type RuleParametersInput } from './rule-parameters';
import { readRuleScope, RuleScopeFields, type RuleScopeInput } from './rule-scope-fields';
import { useAlertAction } from './use-alert-action';

/** Changes a rule in place: its timing, its channels, its scope. The kind stays; another kind is another rule. */
export function EditRuleForm({
  rule,
  channels,
  hooks,
  onDone,
}: {
  rule: AlertRule;
  channels: AlertChannel[];
  hooks: HookOption[];
  onDone: () => void;
}) {
  const id = useId();
  const [parameters, setParameters] = useState<RuleParametersInput>(() => ruleParametersInput(rule));
  const [channelIds, setChannelIds] = useState<Set<string>>(() => new Set(rule.channelIds));
  const [scope, setScope] = useState<RuleScopeInput>(() => ({
    hookId: rule.hookId ?? '',
    customKey: rule.customValue?.key ?? '',
    customValue: rule.customValue?.value ?? '',
  }));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { run, error, pending } = useAlertAction();
  const chosen = channels.filter((channel) => channelIds.has(channel.id)).map((channel) => channel.id);

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readRuleParameters(rule.kind, parameters);
    const problem = !read.ok ? read.message : chosen.length === 0 ? 'Choose at least one channel to send to.' : null;
    setInvalid(problem);
    if (!read.ok || problem) return;
    const outcome = await run(
      () =>
        requestJson(alertRuleApiUrl(rule.id), {
          method: 'PATCH',
          body: { channelIds: chosen, ...readRuleScope(scope, !HOOK_LEVEL_KINDS.includes(rule.kind)), ...read.value },
          schema: alertRuleSchema,
        }),
      'The rule was not changed',
    );
    if (outcome.ok) onDone();
  }

  return (
    <form onSubmit={(event) => void save(event)} aria-label="Change the rule" className="mt-4 space-y-4">
      <RuleParameterFields idPrefix={id} kind={rule.kind} value={parameters} onChange={setParameters} />
      <ChannelCheckboxes legend="Send to" channels={channels} selected={channelIds} onChange={setChannelIds} />
      <RuleScopeFields
        idPrefix={id}
        hooks={hooks}
        value={scope}
        onChange={setScope}
        withCustomValue={!HOOK_LEVEL_KINDS.includes(rule.kind)}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" onClick={onDone} disabled={pending} className={SECONDARY_BUTTON}>
          Cancel
        </button>
      </div>
      <InlineError message={invalid ?? error} />
    </form>
  );
}
