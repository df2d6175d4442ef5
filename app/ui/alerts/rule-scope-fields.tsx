'use client';

import type { HookOption } from '@/app/ui/list/filter-fields';
import { FIELD } from '@/app/ui/setup/styles';

/** A rule's scope as the form edits it: empty means every hook, every envelope. */
export type RuleScopeInput = { hookId: string; customKey: string; customValue: string };

export const EMPTY_SCOPE: RuleScopeInput = { hookId: '', customKey: '', customValue: '' };

/** The scope ready for the API: nulls clear it. */
export function readRuleScope(scope: RuleScopeInput, withCustomValue: boolean) {
  const key = scope.customKey.trim();
  return {
    hookId: scope.hookId || null,
    customValue: withCustomValue && key !== '' ? { key, value: scope.customValue } : null,
  };
}

/** Narrows a rule to one hook, and to the envelopes that carry a custom value (e.g. product = mortgage). */
export function RuleScopeFields({
  idPrefix,
  hooks,
  value,
  onChange,
  withCustomValue,
}: {
  idPrefix: string;
  hooks: HookOption[];
  value: RuleScopeInput;
  onChange: (value: RuleScopeInput) => void;
  /** False for the kinds about a hook rather than an envelope. */
  withCustomValue: boolean;
}) {
  // A revoked hook stays choosable only when the rule already names it: nothing new is aimed at it.
  const choices = hooks.filter((hook) => !hook.revoked || hook.id === value.hookId);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">
        Only for <span className="font-normal text-slate-500">(optional)</span>
      </legend>
      <div className="mt-1 grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${idPrefix}-hook`} className="block text-xs text-slate-600">
            Hook
          </label>
          <select
            id={`${idPrefix}-hook`}
            value={value.hookId}
            onChange={(event) => onChange({ ...value, hookId: event.target.value })}
            className={`${FIELD} mt-1`}
          >
            <option value="">Any hook</option>
            {choices.map((hook) => (
              <option key={hook.id} value={hook.id}>
                {hook.revoked ? `${hook.name} (revoked)` : hook.name}
              </option>
            ))}
          </select>
        </div>
        {withCustomValue ? (
          <>
            <div>
              <label htmlFor={`${idPrefix}-custom-key`} className="block text-xs text-slate-600">
                Custom value name
              </label>
              <input
                id={`${idPrefix}-custom-key`}
                type="text"
                value={value.customKey}
                onChange={(event) => onChange({ ...value, customKey: event.target.value })}
                maxLength={100}
                placeholder="product"
                autoComplete="off"
                spellCheck={false}
                className={`${FIELD} mt-1 font-mono`}
              />
            </div>
            <div>
              <label htmlFor={`${idPrefix}-custom-value`} className="block text-xs text-slate-600">
                Equal to
              </label>
              <input
                id={`${idPrefix}-custom-value`}
                type="text"
                value={value.customValue}
                onChange={(event) => onChange({ ...value, customValue: event.target.value })}
                maxLength={1_000}
                placeholder="mortgage"
                autoComplete="off"
                spellCheck={false}
                disabled={value.customKey.trim() === ''}
                className={`${FIELD} mt-1 font-mono disabled:bg-slate-50`}
              />
            </div>
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
