'use client';

import { useId, useState } from 'react';
import { formatCount } from '@/app/ui/format/count';
import { InlineError } from './inline-error';
import { SavedStatus } from './saved-status';
import { FIELD, SECONDARY_BUTTON } from './styles';
import { useHookSetting } from './use-hook-action';

/** The hook's own rate limit; empty means the installation's default. */
export function HookRateLimit({
  hookId,
  perSecond,
  defaultPerSecond,
}: {
  hookId: string;
  perSecond: number | null;
  defaultPerSecond: number;
}) {
  const id = useId();
  const saved = perSecond === null ? '' : String(perSecond);
  const [text, setText] = useState(saved);
  const { save, edited, justSaved, error, pending } = useHookSetting(hookId);
  const value = text.trim();
  const invalid = value !== '' && !/^[1-9][0-9]{0,6}$/.test(value);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save({ rateLimitPerSecond: value === '' ? null : Number(value) });
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Rate limit
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Notifications per second this hook takes before answering 429. Empty: the default,{' '}
        {formatCount(defaultPerSecond)}.
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id={id}
          inputMode="numeric"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            edited();
          }}
          placeholder={String(defaultPerSecond)}
          aria-describedby={`${id}-hint`}
          aria-invalid={invalid}
          className={`${FIELD} w-32 font-mono`}
        />
        <button type="submit" disabled={pending || invalid || value === saved} className={SECONDARY_BUTTON}>
          Save limit
        </button>
        <SavedStatus shown={justSaved} />
      </div>
      {invalid ? <p className="mt-1 text-xs text-red-700">Enter a whole number from 1 to 1,000,000.</p> : null}
      <InlineError message={error} />
    </form>
  );
}
