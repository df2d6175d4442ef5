'use client';

import { useState } from 'react';
import { ALERT_KIND_TITLES } from '@/app/lib/alerts/describe-alert-rule';
import { requestJson } from '@/app/ui/api/request-json';
import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import type { HookOption } from '@/app/ui/list/filter-fields';
import { InlineError } from '@/app/ui/setup/inline-error';
import { DANGER_BUTTON, SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import { alertRuleApiUrl, type AlertChannel, type AlertRule } from './alert-api';
import { EditRuleForm } from './edit-rule-form';
import { RuleStateBadge } from './rule-state-badge';
import { useAlertAction } from './use-alert-action';

const LABEL = 'text-xs text-slate-500 sm:pt-0.5';

/** One rule: what it watches for, where it sends, for what; pause or resume it, change it, delete it. */
export function RuleCard({
  rule,
  channels,
  hooks,
}: {
  rule: AlertRule;
  channels: AlertChannel[];
  hooks: HookOption[];
}) {
  const headingId = `rule-${rule.id}-heading`;
  const [editing, setEditing] = useState(false);
  const toggle = useAlertAction();
  const removal = useAlertAction();
  const sendsTo = rule.channelIds.flatMap((id) => channels.find((channel) => channel.id === id)?.name ?? []);
  const hook = rule.hookId ? hooks.find((candidate) => candidate.id === rule.hookId) : null;

  return (
    <section
      aria-labelledby={headingId}
      data-testid="alert-rule"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <h3 id={headingId} className="min-w-0 break-words text-base font-semibold text-slate-900">
              {rule.description}
            </h3>
            <RuleStateBadge paused={rule.paused} />
          </div>
          <p className="mt-0.5 text-xs text-slate-500">
            {ALERT_KIND_TITLES[rule.kind]} · added <ExactTime iso={rule.createdAt} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={toggle.pending}
            onClick={() =>
              void toggle.run(
                () => requestJson(alertRuleApiUrl(rule.id), { method: 'PATCH', body: { paused: !rule.paused } }),
                rule.paused ? 'The rule was not resumed' : 'The rule was not paused',
              )
            }
            className={SECONDARY_BUTTON}
          >
            {rule.paused ? (toggle.pending ? 'Resuming…' : 'Resume') : toggle.pending ? 'Pausing…' : 'Pause'}
          </button>
          <button
            type="button"
            onClick={() => setEditing((open) => !open)}
            aria-expanded={editing}
            className={SECONDARY_BUTTON}
          >
            Change
          </button>
          <button
            type="button"
            disabled={removal.pending}
            aria-label={`Delete the rule: ${rule.description}`}
            onClick={() => {
              // Its alerts and their history go with it.
              if (!window.confirm(`Delete the rule "${rule.description}"? The alerts it raised are removed too.`)) {
                return;
              }
              void removal.run(
                () => requestJson(alertRuleApiUrl(rule.id), { method: 'DELETE' }),
                'The rule was not deleted',
              );
            }}
            className={DANGER_BUTTON}
          >
            {removal.pending ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </div>
      <InlineError message={toggle.error ?? removal.error} />
      {editing ? (
        <EditRuleForm rule={rule} channels={channels} hooks={hooks} onDone={() => setEditing(false)} />
      ) : (
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
          <dt className={LABEL}>Sends to</dt>
          <dd className="min-w-0 break-words text-slate-800" data-testid="alert-rule-channels">
            {sendsTo.length > 0 ? (
              sendsTo.join(', ')
            ) : (
              <span className="text-amber-800">No channel: this rule sends nothing. Change it to choose one.</span>
            )}
          </dd>
          <dt className={LABEL}>For</dt>
          <dd className="min-w-0 break-words text-slate-800">
            <RuleScope rule={rule} hookName={hook ? hook.name : rule.hookId ? 'a removed hook' : null} />
          </dd>
        </dl>
      )}
      {rule.paused && !editing ? (
        <p className="mt-2 text-xs text-slate-600">Paused: raises nothing until resumed; alerts already raised stay.</p>
      ) : null}
    </section>
  );
}

function RuleScope({ rule, hookName }: { rule: AlertRule; hookName: string | null }) {
  const parts = [hookName ? `hook ${hookName}` : 'every hook'];
  if (rule.customValue) parts.push(`envelopes whose ${rule.customValue.key} is "${rule.customValue.value}"`);
  const text = parts.join(', ');
  return <>{text.charAt(0).toUpperCase() + text.slice(1)}</>;
}
