'use client';

import { useState } from 'react';
import type { Role } from '@/app/lib/auth/roles';
import { OneTimeValue } from '@/app/ui/auth/one-time-value';
import { roleLabel, rolesUpTo } from '@/app/ui/auth/roles-shown';
import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';
import { TOKENS_API_URL, createdTokenSchema } from './account-api';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, tokenRequestBody } from './account-form-input';
import { useTokenAction } from './use-token-action';

type Created = { name: string; token: string };

/**
 * Makes a personal API token; the token itself is shown here, once, right after. Its role is at most the reader's
 * own, and viewer unless chosen: most scripts only read.
 */
export function CreateTokenForm({ ownRole }: { ownRole: Role }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [days, setDays] = useState(String(DEFAULT_TOKEN_DAYS));
  const [neverExpires, setNeverExpires] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const { run, error, pending } = useTokenAction();

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const input = tokenRequestBody({ name, role, days, neverExpires });
    setProblem(input.ok ? null : input.message);
    if (!input.ok) return;
    const outcome = await run(
      () => requestJson(TOKENS_API_URL, { method: 'POST', body: input.body, schema: createdTokenSchema }),
      'The token was not created',
    );
    if (!outcome.ok) return;
    setCreated({ name: outcome.value.name, token: outcome.value.token });
    setName('');
  }

  return (
    <form onSubmit={create} aria-labelledby="create-token-heading" className="rounded-md bg-slate-50 p-3 sm:p-4">
      <h3 id="create-token-heading" className="text-sm font-semibold text-slate-900">
        Create a token
      </h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.4fr)]">
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium text-slate-700">
            Name
          </label>
          <input
            id="token-name"
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            required
            placeholder="Nightly CSV export"
            autoComplete="off"
            className={`mt-1 ${FIELD}`}
          />
        </div>
        <div>
          <label htmlFor="token-role" className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select
            id="token-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            className={`mt-1 ${FIELD}`}
          >
            {rolesUpTo(ownRole).map((each) => (
              <option key={each} value={each}>
                {roleLabel(each)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="sm:col-span-2 lg:col-span-1">
          <legend className="block text-sm font-medium text-slate-700">Expires after</legend>
          <div className="mt-1 flex items-center gap-3">
            <div className="flex items-center gap-2">
              <input
                id="token-days"
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_TOKEN_DAYS}
                value={neverExpires ? '' : days}
                disabled={neverExpires}
                onChange={(event) => setDays(event.target.value)}
                aria-label="Days until the token expires"
                className={`${FIELD} w-24`}
              />
              <span className="text-sm text-slate-700">days</span>
            </div>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={neverExpires}
                onChange={(event) => setNeverExpires(event.target.checked)}
                className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
              />
              Never expires
            </label>
          </div>
        </fieldset>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        A token acts as you, with at most the role chosen here (and never more than yours, should yours be lowered).
      </p>
      <button type="submit" disabled={pending} className={`${PRIMARY_BUTTON} mt-3`}>
        {pending ? 'Creating…' : 'Create token'}
      </button>
      <InlineError message={problem ?? error} />
      {/* Always in the page, so the new token is announced; the token itself is not read out. */}
      <p role="status" aria-live="polite" className="sr-only">
        {created ? 'Token created. It is shown below, this once.' : ''}
      </p>
      {created ? (
        <div className="mt-4">
          <OneTimeValue
            title={<>Token “{created.name}” created</>}
            label="API token"
            value={created.token}
            note={
              <>
                Scripts send it with each request, as the header{' '}
                <code className="whitespace-nowrap rounded bg-white/70 px-1 font-mono">
                  Authorization: Bearer &lt;token&gt;
                </code>
                . Anyone holding it can act as you: keep it in a secret store, never in code.
              </>
            }
            dismissLabel="I have saved the token"
            onDismiss={() => setCreated(null)}
          />
        </div>
      ) : null}
    </form>
  );
}
