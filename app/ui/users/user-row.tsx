'use client';

import { useState } from 'react';
import { ROLES, type Role } from '@/app/lib/auth/roles';
import { requestJson } from '@/app/ui/api/request-json';
import { roleLabel } from '@/app/ui/auth/roles-shown';
import { signInWays } from '@/app/ui/account/account-words';
import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { TABLE_CELL } from '@/app/ui/list/scrollable-table';
import { InlineError } from '@/app/ui/setup/inline-error';
import type { RevealedPassword } from './revealed-password';
import { toggleDisabledQuestion, userState, type UserState } from './user-state';
import { passwordResetSchema, sessionsEndedSchema, userApiUrl, userSchema, type User } from './users-api';
import { useUserAction } from './use-user-action';

const STATE_TONES: Record<UserState['tone'], string> = {
  active: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  pending: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  disabled: 'bg-slate-100 text-slate-600 ring-slate-400/30',
};

// Smaller than the forms' buttons: three of them sit in a table cell.
const SMALL_BUTTON =
  'rounded-md border bg-white px-2.5 py-1 text-xs font-medium shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-50';
const PLAIN = `${SMALL_BUTTON} border-slate-300 text-slate-700 hover:bg-slate-50 focus-visible:ring-brand-600`;
const DANGER = `${SMALL_BUTTON} border-red-300 text-red-700 hover:bg-red-50 focus-visible:ring-red-600`;

/** One person: their role to change in place, and what an admin does for them. Failures show under the actions. */
export function UserRow({
  user,
  yourself,
  onPasswordRevealed,
}: {
  user: User;
  /** The admin looking: changing oneself deserves a stronger warning. */
  yourself: boolean;
  onPasswordRevealed: (revealed: RevealedPassword) => void;
}) {
  const { run, error, pending } = useUserAction();
  // The role chosen shows at once; the list's own value returns if the change is refused (the last admin).
  const [choosingRole, setChoosingRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const state = userState(user);

  async function changeRole(role: Role) {
    if (
      yourself &&
      role !== 'admin' &&
      !window.confirm(`Make yourself ${role}? You lose the Users, Setup, Alerts and Audit pages at once.`)
    )
      return;
    setStatus(null);
    setChoosingRole(role);
    await run(
      () => requestJson(userApiUrl(user.id), { method: 'PATCH', body: { role }, schema: userSchema }),
      'The role was not changed',
    );
    setChoosingRole(null);
  }

  async function toggleDisabled() {
    if (!window.confirm(toggleDisabledQuestion(user, yourself))) return;
    setStatus(null);
    await run(
      () =>
        requestJson(userApiUrl(user.id), { method: 'PATCH', body: { disabled: !user.disabled }, schema: userSchema }),
      user.disabled ? 'The user was not enabled' : 'The user was not disabled',
    );
  }

  async function resetPassword() {
    if (
      !window.confirm(
        `Reset the password of ${user.email}? Their current password stops working, they are signed out everywhere, and you get a one-time password to share with them.`,
      )
    )
      return;
    setStatus(null);
    const outcome = await run(
      () => requestJson(`${userApiUrl(user.id)}/password`, { method: 'POST', body: {}, schema: passwordResetSchema }),
      'The password was not reset',
    );
    if (outcome.ok && outcome.value.oneTimePassword) {
      onPasswordRevealed({ email: user.email, password: outcome.value.oneTimePassword, reason: 'reset' });
      setStatus('Password reset: the one-time password is shown above the list.');
    }
  }

  async function endSessions() {
    if (!window.confirm(`Sign ${user.email} out everywhere? Their API tokens keep working.`)) return;
    setStatus(null);
    const outcome = await run(
      () =>
        requestJson(`${userApiUrl(user.id)}/sessions/revoke`, {
          method: 'POST',
          schema: sessionsEndedSchema,
        }),
      'The sessions were not ended',
    );
    if (outcome.ok) {
      const ended = outcome.value.sessionsEnded;
      setStatus(
        ended === 0 ? 'They had no session to end.' : `${ended} ${ended === 1 ? 'session' : 'sessions'} ended.`,
      );
    }
  }

  return (
    <tr data-user-email={user.email} className={user.disabled ? 'bg-slate-50/70' : undefined}>
      <td className={TABLE_CELL}>
        <p className="min-w-48 font-medium text-slate-900 [overflow-wrap:anywhere]">{user.email}</p>
        {user.name || yourself ? (
          <p className="text-xs text-slate-600">
            {user.name}
            {yourself ? <span className="text-slate-500">{user.name ? ' ' : ''}(you)</span> : null}
          </p>
        ) : null}
      </td>
      <td className={TABLE_CELL}>
        <label htmlFor={`role-${user.id}`} className="sr-only">
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          value={choosingRole ?? user.role}
          disabled={pending}
          onChange={(event) => void changeRole(event.target.value as Role)}
          className="rounded-md border border-slate-300 bg-white py-1 pl-2 pr-7 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:opacity-60"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
      </td>
      <td className={TABLE_CELL}>
        <span
          title={state.title}
          className={`inline-flex whitespace-nowrap rounded px-1.5 py-px text-xs font-medium ring-1 ring-inset ${STATE_TONES[state.tone]}`}
        >
          {state.label}
        </span>
      </td>
      <td className={`${TABLE_CELL} text-slate-700`}>{signInWays(user.signIn)}</td>
      <td className={`${TABLE_CELL} whitespace-nowrap text-slate-700`}>
        {user.lastSignInAt ? <ExactTime iso={user.lastSignInAt} /> : <span className="text-slate-500">Never</span>}
      </td>
      <td className={TABLE_CELL}>
        <div className="flex min-w-56 flex-wrap gap-2">
          <button
            type="button"
            onClick={toggleDisabled}
            disabled={pending}
            aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
            className={user.disabled ? PLAIN : DANGER}
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
          <button
            type="button"
            onClick={resetPassword}
            disabled={pending}
            aria-label={`Reset the password of ${user.email}`}
            className={PLAIN}
          >
            Reset password
          </button>
          <button
            type="button"
            onClick={endSessions}
            disabled={pending || user.disabled}
            aria-label={`End the sessions of ${user.email}`}
            title={user.disabled ? 'A disabled user has no sessions' : undefined}
            className={PLAIN}
          >
            End sessions
          </button>
        </div>
        <InlineError message={error} />
        <p role="status" className="mt-1 max-w-64 text-xs text-slate-700">
          {status}
        </p>
      </td>
    </tr>
  );
}
