'use client';

import { useId, useState } from 'react';
import { sendHookRequest } from './hook-request';
import { InlineError } from './inline-error';
import { SavedStatus } from './saved-status';
import { FIELD, SECONDARY_BUTTON } from './styles';
import { useHookAction } from './use-hook-action';

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
  const [savedOnce, setSavedOnce] = useState(false);
  const { run, error, pending } = useHookAction();
  const value = text.trim();
  const invalid = value !== '' && !/^[1-9][0-9]{0,6}$/.test(value);

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSavedOnce(false);
    const ok = await run(() =>
      sendHookRequest(`/api/hooks/${encodeURIComponent(hookId)}`, 'PATCH', {
        rateLimitPerSecond: value === '' ? null : Number(value),
      }),
    );
    setSavedOnce(ok);
  }

  return (
    <form onSubmit={save}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Rate limit
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Notifications per second this hook takes before answering 429. Empty: the default,{' '}
        {defaultPerSecond.toLocaleString('en')}.
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id={id}
          inputMode="numeric"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setSavedOnce(false);
          }}
          placeholder={String(defaultPerSecond)}
          aria-describedby={`${id}-hint`}
          aria-invalid={invalid}
          className={`${FIELD} w-32 font-mono`}
        />
        <button type="submit" disabled={pending || invalid || value === saved} className={SECONDARY_BUTTON}>
          Save limit
        </button>
        <SavedStatus shown={savedOnce && !pending} />
      </div>
      {invalid ? <p className="mt-1 text-xs text-red-700">Enter a whole number from 1 to 1,000,000.</p> : null}
      <InlineError message={error} />
    </form>
  );
}
