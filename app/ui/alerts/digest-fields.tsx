'use client';

import { useId, useMemo } from 'react';
import { FIELD } from '@/app/ui/setup/styles';

/** The daily summary as the form edits it; a null zone means the reader's own, whatever it turns out to be. */
export type DigestInput = { on: boolean; time: string; timeZone: string | null };

const CHECKBOX = 'mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-600';

/** "A daily summary" and, once ticked, at what local time in which zone. */
export function DigestFields({
  value,
  onChange,
  displayZone,
}: {
  value: DigestInput;
  onChange: (value: DigestInput) => void;
  /** The reader's zone, the default. */
  displayZone: string;
}) {
  const id = useId();
  return (
    <div className="mt-2">
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={value.on}
          onChange={(event) => onChange({ ...value, on: event.target.checked })}
          className={CHECKBOX}
        />
        <span>
          A daily summary{' '}
          <span className="text-slate-500">
            (who has yet to sign, what ended unsigned the day before, what expires within 3 days)
          </span>
        </span>
      </label>
      {value.on ? (
        <div className="mt-2 grid gap-3 pl-6 sm:grid-cols-[auto_minmax(0,18rem)]">
          <div>
            <label htmlFor={`${id}-time`} className="block text-sm font-medium text-slate-700">
              At
            </label>
            <input
              id={`${id}-time`}
              type="time"
              value={value.time}
              onChange={(event) => onChange({ ...value, time: event.target.value })}
              required
              className={`${FIELD} mt-1 w-32 font-mono`}
            />
          </div>
          <div>
            <label htmlFor={`${id}-zone`} className="block text-sm font-medium text-slate-700">
              Time zone
            </label>
            <input
              id={`${id}-zone`}
              type="text"
              value={value.timeZone ?? displayZone}
              onChange={(event) => onChange({ ...value, timeZone: event.target.value })}
              list={`${id}-zones`}
              required
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              className={`${FIELD} mt-1`}
            />
            <TimeZoneOptions id={`${id}-zones`} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The zones this browser knows, as suggestions; rendered only once the fields show, so never on the server. */
function TimeZoneOptions({ id }: { id: string }) {
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  }, []);
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
