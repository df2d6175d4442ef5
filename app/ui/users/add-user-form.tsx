'use client';

import { useState } from 'react';
import { ROLES, type Role } from '@/app/lib/auth/roles';
import { requestJson } from '@/app/ui/api/request-json';
import { ROLE_SUMMARIES, roleLabel } from '@/app/ui/auth/roles-shown';
import { InlineError } from '@/app/ui/setup/inline-error';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';
import { OneTimePassword } from './one-time-password';
import type { RevealedPassword } from './revealed-password';
import { USERS_API_URL, createdUserSchema } from './users-api';
import { useUserAction } from './use-user-action';

/**
 * Adds a person. The server makes a one-time password, shown here once, which they change at their first sign-in;
 * with company SSO they may also simply sign in through it with the same e-mail.
 */
export function AddUserForm({ sso }: { sso: boolean }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [revealed, setRevealed] = useState<RevealedPassword | null>(null);
  const { run, error, pending } = useUserAction();

  async function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRevealed(null);
    const outcome = await run(
      () =>
        requestJson(USERS_API_URL, {
          method: 'POST',
          body: { email, role, ...(name.trim() ? { name: name.trim() } : {}) },
          schema: createdUserSchema,
        }),
      'The user was not added',
    );
    if (!outcome.ok) return;
    const { email: added, oneTimePassword } = outcome.value;
    if (oneTimePassword) setRevealed({ email: added, password: oneTimePassword, reason: 'added' });
    setEmail('');
    setName('');
    setRole('viewer');
  }

  return (
    <form
      onSubmit={add}
      aria-labelledby="add-user-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="add-user-heading" className="text-base font-semibold text-slate-900">
        Add a user
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-600">
        They get a one-time password to share with them{sso ? ', or sign in through company SSO with this e-mail' : ''}.
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <label htmlFor="user-email" className="block text-sm font-medium text-slate-700">
            E-mail
          </label>
          <input
            id="user-email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            maxLength={320}
            required
            placeholder="ana@example.com"
            autoComplete="off"
            spellCheck={false}
            className={`mt-1 ${FIELD}`}
          />
        </div>
        <div>
          <label htmlFor="user-name" className="block text-sm font-medium text-slate-700">
            Name <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id="user-name"
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={200}
            placeholder="Ana Popescu"
            autoComplete="off"
            className={`mt-1 ${FIELD}`}
          />
        </div>
        <div>
          <label htmlFor="user-role" className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select
            id="user-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            aria-describedby="user-role-hint"
            className={`mt-1 ${FIELD}`}
          >
            {ROLES.map((each) => (
              <option key={each} value={each}>
                {roleLabel(each)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id="user-role-hint" className="mt-2 text-xs text-slate-600">
        {roleLabel(role)}: {ROLE_SUMMARIES[role]}.
      </p>
      <button type="submit" disabled={pending} className={`${PRIMARY_BUTTON} mt-3`}>
        {pending ? 'Adding…' : 'Add user'}
      </button>
      <InlineError message={error} />
      <p role="status" aria-live="polite" className="sr-only">
        {revealed ? 'User added. Their one-time password is shown below, this once.' : ''}
      </p>
      {revealed ? (
        <div className="mt-4">
          <OneTimePassword revealed={revealed} onDismiss={() => setRevealed(null)} />
        </div>
      ) : null}
    </form>
  );
}
