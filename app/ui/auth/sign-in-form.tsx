'use client';

import { useState, type FormEvent } from 'react';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';

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
      const response = await fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ password: field.value, next }),
      });
      const body = (await response.json().catch(() => null)) as {
        next?: string;
        error?: { message?: string };
      } | null;
      if (response.ok) {
        // A full page load, so the header and every server component see the new session.
        window.location.assign(body?.next ?? '/');
        return;
      }
      setError(body?.error?.message ?? `Sign-in failed (HTTP ${response.status}). Try again.`);
      field.select();
    } catch {
      setError('The server did not answer. Check your connection and try again.');
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
