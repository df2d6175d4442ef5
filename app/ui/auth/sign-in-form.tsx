'use client';

import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ApiRequestError, describeFailure, requestJson } from '@/app/ui/api/request-json';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';

const signedInSchema = z.object({ next: z.string().optional() });

/**
 * The password form. With JavaScript it signs in through fetch and shows errors in place; without,
 * the browser posts the form and the endpoint answers with redirects (see app/api/auth/sign-in).
 */
export function SignInForm({ next, initialError }: { next: string; initialError: string | null }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = event.currentTarget.elements.namedItem('password') as HTMLInputElement;
    setPending(true);
    setError(null);
    try {
      const signedIn = await requestJson('/api/auth/sign-in', {
        method: 'POST',
        body: { password: field.value, next },
        schema: signedInSchema,
      });
      // A full page load, so the header and every server component see the new session.
      window.location.assign(signedIn.next ?? '/');
      return;
    } catch (failure) {
      setError(describeFailure(failure, 'Sign-in failed'));
      // The server answered, most likely "wrong password": ready for typing it again.
      if (failure instanceof ApiRequestError && failure.status !== null) field.select();
    }
    setPending(false);
  }

  return (
    <form method="post" action="/api/auth/sign-in" onSubmit={onSubmit} className="mt-6 space-y-4">
      <input type="hidden" name="next" value={next} />
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
          // Typing the password is the only thing to do on this page.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
          className={`mt-1 ${FIELD}`}
        />
      </div>
      <div aria-live="polite">
        {error ? (
          <p id="sign-in-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={`w-full ${PRIMARY_BUTTON}`}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
