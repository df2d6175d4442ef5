'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';
import { ACCOUNT_PASSWORD_API_URL, passwordChangedSchema } from './account-api';
import { AccountCard } from './account-card';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from './account-form-input';

/**
 * Changes the reader's own password. Without a password yet (SSO only) there is nothing to confirm with, so the
 * current-password field is left out; the server checks that too.
 */
export function ChangePasswordForm({
  email,
  hasPassword,
  mustChange,
}: {
  email: string;
  hasPassword: boolean;
  mustChange: boolean;
}) {
  const router = useRouter();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const problem = newPasswordProblem(next, repeated);
    setError(problem);
    if (problem) return;
    setPending(true);
    try {
      const answer = await requestJson(ACCOUNT_PASSWORD_API_URL, {
        method: 'POST',
        body: { ...(hasPassword ? { currentPassword: current } : {}), newPassword: next },
        schema: passwordChangedSchema,
      });
      setCurrent('');
      setNext('');
      setRepeated('');
      const ended = answer.otherSessionsEnded;
      setDone(
        `Password changed.${ended > 0 ? ` ${ended} other ${ended === 1 ? 'session was' : 'sessions were'} signed out.` : ''}`,
      );
      // The page asked for this change: render it again, without the request and its notice.
      if (mustChange) router.replace('/account');
    } catch (failure) {
      setError(describeFailure(failure, 'The password was not changed'));
    } finally {
      setPending(false);
    }
  }

  return (
    <AccountCard
      id="change-password-heading"
      title={hasPassword ? 'Change password' : 'Set a password'}
      description={
        hasPassword
          ? 'Your other browsers are signed out when it changes; this one stays signed in.'
          : 'You sign in through company SSO. A password lets you sign in without it too.'
      }
    >
      <form id="change-password" onSubmit={submit} className="space-y-3">
        {/* Password managers file the new password under this account. */}
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        {hasPassword ? (
          <div>
            <label htmlFor="current-password" className="block text-sm font-medium text-slate-700">
              {mustChange ? 'Current (one-time) password' : 'Current password'}
            </label>
            <input
              id="current-password"
              type="password"
              autoComplete="current-password"
              required
              autoFocus={mustChange}
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
              className={`mt-1 ${FIELD}`}
            />
          </div>
        ) : null}
        <div>
          <label htmlFor="new-password" className="block text-sm font-medium text-slate-700">
            New password
          </label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={next}
            onChange={(event) => setNext(event.target.value)}
            aria-describedby="new-password-hint"
            className={`mt-1 ${FIELD}`}
          />
          <p id="new-password-hint" className="mt-1 text-xs text-slate-600">
            At least {MIN_PASSWORD_LENGTH} characters; a few unrelated words make a good one.
          </p>
        </div>
        <div>
          <label htmlFor="repeat-password" className="block text-sm font-medium text-slate-700">
            Repeat new password
          </label>
          <input
            id="repeat-password"
            type="password"
            autoComplete="new-password"
            required
            value={repeated}
            onChange={(event) => setRepeated(event.target.value)}
            className={`mt-1 ${FIELD}`}
          />
        </div>
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? 'Saving…' : hasPassword ? 'Change password' : 'Set password'}
        </button>
        <InlineError message={error} />
        <p role="status" className="text-sm text-emerald-800">
          {done}
        </p>
      </form>
    </AccountCard>
  );
}
