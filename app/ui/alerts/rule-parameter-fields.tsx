'use client';

import type { AlertKind } from '@/app/lib/alerts/alert-kinds';
import { ALERT_KIND_PARAMETERS } from '@/app/lib/alerts/alert-schemas';
import { FIELD } from '@/app/ui/setup/styles';
import { DurationField } from './duration-field';
import { AFTER_MINUTES_LABELS, type RuleParametersInput } from './rule-parameters';

/** The settings the kind needs (a wait; or a count within a time), nothing for the kinds that fire on an event. */
export function RuleParameterFields({
  idPrefix,
  kind,
  value,
  onChange,
}: {
  idPrefix: string;
  kind: AlertKind;
  value: RuleParametersInput;
  onChange: (value: RuleParametersInput) => void;
}) {
  const parameters = ALERT_KIND_PARAMETERS[kind];
  if (parameters.length === 0) return null;
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
      {parameters.includes('afterMinutes') ? (
        <DurationField
          id={`${idPrefix}-after`}
          label={AFTER_MINUTES_LABELS[kind] ?? 'After'}
          value={value.afterMinutes}
          onChange={(afterMinutes) => onChange({ ...value, afterMinutes })}
        />
      ) : null}
      {parameters.includes('threshold') ? (
        <div>
          <label htmlFor={`${idPrefix}-threshold`} className="block text-sm font-medium text-slate-700">
            Refused notifications, at least
          </label>
          <input
            id={`${idPrefix}-threshold`}
            type="text"
            inputMode="numeric"
            value={value.threshold}
            onChange={(event) => onChange({ ...value, threshold: event.target.value })}
            required
            maxLength={7}
            autoComplete="off"
            className={`${FIELD} mt-1 w-28 font-mono`}
          />
        </div>
      ) : null}
      {parameters.includes('windowMinutes') ? (
        <DurationField
          id={`${idPrefix}-window`}
          label="Within"
          value={value.windowMinutes}
          onChange={(windowMinutes) => onChange({ ...value, windowMinutes })}
        />
      ) : null}
    </div>
  );
}
