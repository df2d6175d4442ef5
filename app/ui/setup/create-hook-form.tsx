'use client';

import { useState } from 'react';
import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from './inline-error';
import { FIELD, PRIMARY_BUTTON } from './styles';
import { useHookAction } from './use-hook-action';

export function CreateHookForm() {
  const [name, setName] = useState('');
  const { run, error, pending } = useHookAction();

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await run(() => requestJson('/api/hooks', { method: 'POST', body: { name } }))) setName('');
  }

  return (
    <form
      id="create-hook"
      onSubmit={create}
      aria-labelledby="create-hook-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="create-hook-heading" className="text-base font-semibold text-slate-900">
        Create a hook
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        <div>
          <label htmlFor="hook-name" className="block text-sm font-medium text-slate-700">
            Name
          </label>
          <input
            id="hook-name"
            name="name"
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            required
            placeholder="Production FintechOS"
            autoComplete="off"
            className={`${FIELD} mt-1`}
          />
        </div>
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? 'Creating…' : 'Create hook'}
        </button>
      </div>
      <InlineError message={error} />
    </form>
  );
}
