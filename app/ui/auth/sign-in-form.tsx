'use client';

import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ApiRequestError, describeFailure, requestJson } from '@/app/ui/api/request-json';
import { FIELD, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/app/ui/setup/styles';

const signedInSchema = z.object({ next: z.string().optional() });

const SSO_BUTTON = `flex w-full items-center justify-center ${PRIMARY_BUTTON}`;

/**
 * The ways in: company SSO (a link, as the identity provider takes over the window) and the e-mail and password form.
 * With JavaScript the form signs in through fetch and shows errors in place; without, the browser posts it and the
 * endpoint answers with redirects (see app/api/auth/sign-in), coming back with `?error=` when it failed.
 */
export function SignInForm({
  next,
  initialError,
  passwordSignIn,
  legacyPassword,
  sso,
}: {
  next: string;
  initialError: string | null;
  passwordSignIn: boolean;
  /** The former shared DASHBOARD_PASSWORD still signs in without an e-mail. */
  legacyPassword: boolean;
  sso: { href: string; label: string } | null;
}) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = form.elements.namedItem('email') as HTMLInputElement;
    const password = form.elements.namedItem('password') as HTMLInputElement;
    setPending(true);
    setError(null);
    try {
      const signedIn = await requestJson('/api/auth/sign-in', {
        method: 'POST',
        body: { email: email.value, password: password.value, next },
        schema: signedInSchema,
      });
      // A full page load, so the header and every server component see the new session. A password someone else
      // chose comes back as the Account page, to change it first.
      window.location.assign(signedIn.next ?? '/');
      return;
    } catch (failure) {
      setError(describeFailure(failure, 'Sign-in failed'));
      // The server answered, most likely "wrong password": ready for typing it again.
      if (failure instanceof ApiRequestError && failure.status !== null) password.select();
    }
    setPending(false);
  }

  return (
    <div className="mt-6 space-y-4">
      <div aria-live="polite">
        {error ? (
          <p id="sign-in-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      {sso ? (
        <a href={sso.href} className={SSO_BUTTON}>
          Sign in with {sso.label}
        </a>
      ) : null}
      {sso && passwordSignIn ? (
        <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500" role="separator">
          <span aria-hidden className="h-px flex-1 bg-slate-200" />
          or
          <span aria-hidden className="h-px flex-1 bg-slate-200" />
        </div>
      ) : null}
      {passwordSignIn ? (
        <form method="post" action="/api/auth/sign-in" onSubmit={onSubmit} className="space-y-4">
          <input type="hidden" name="next" value={next} />
          <div>
            <label htmlFor="email" className="block text-sm font-medium text-slate-700">
              E-mail
            </label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required={!legacyPassword}
              // Typing the e-mail is the first thing to do on this page.
              autoFocus
              spellCheck={false}
              aria-describedby={legacyPassword ? 'email-hint' : undefined}
              className={`mt-1 ${FIELD}`}
            />
            {legacyPassword ? (
              <p id="email-hint" className="mt-1 text-xs text-slate-600">
                Signing in with the former shared dashboard password? Leave the e-mail empty, then choose your own
                password on the Account page.
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="password" className="block text-sm font-medium text-slate-700">
              Password
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'sign-in-error' : undefined}
              className={`mt-1 ${FIELD}`}
            />
          </div>
          <button
            type="submit"
            disabled={pending}
            // Beside the SSO button the form is the second way in, and looks it.
            className={`w-full ${sso ? SECONDARY_BUTTON : PRIMARY_BUTTON}`}
          >
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      ) : null}
    </div>
  );
}
