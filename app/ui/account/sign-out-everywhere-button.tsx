'use client';

import { useState } from 'react';
import { SIGN_IN_PATH } from '@/app/lib/auth/is-public-path';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { DANGER_BUTTON } from '@/app/ui/setup/styles';
import { SIGN_OUT_EVERYWHERE_API_URL } from './account-api';

/** Ends every session of the reader, this browser's too (the answer clears its cookie), then goes to sign-in. */
export function SignOutEverywhereButton() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function signOutEverywhere() {
    if (
      !window.confirm(
        'Sign out everywhere? Every browser signed in as you, this one included, must sign in again. Your API tokens keep working.',
      )
    )
      return;
    setError(null);
    setPending(true);
    try {
      await requestJson(SIGN_OUT_EVERYWHERE_API_URL, { method: 'POST' });
      // A full page load: the header, rendered with the session, must not outlive it.
      window.location.assign(SIGN_IN_PATH);
    } catch (failure) {
      setError(describeFailure(failure, 'Signing out everywhere failed'));
      setPending(false);
    }
  }

  return (
    <div>
      <button type="button" onClick={signOutEverywhere} disabled={pending} className={DANGER_BUTTON}>
        {pending ? 'Signing out…' : 'Sign out everywhere'}
      </button>
      <InlineError message={error} />
    </div>
  );
}
