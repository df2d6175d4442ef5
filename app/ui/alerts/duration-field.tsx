'use client';

import { FIELD } from '@/app/ui/setup/styles';
import { DURATION_UNITS, type DurationInput, type DurationUnit } from './duration-input';

/** A number and its unit (minutes, hours, days), labelled as one setting. */
export function DurationField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: DurationInput;
  onChange: (value: DurationInput) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={value.amount}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
          required
          maxLength={8}
          autoComplete="off"
          className={`${FIELD} w-24 font-mono`}
        />
        <select
          aria-label={`${label}: unit`}
          value={value.unit}
          onChange={(event) => onChange({ ...value, unit: event.target.value as DurationUnit })}
          className={`${FIELD} w-32`}
        >
          {DURATION_UNITS.map((unit) => (
            <option key={unit.unit} value={unit.unit}>
              {unit.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
