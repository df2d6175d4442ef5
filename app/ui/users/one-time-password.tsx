'use client';

import { OneTimeValue } from '@/app/ui/auth/one-time-value';
import type { RevealedPassword } from './revealed-password';

/** A new user's or a reset one-time password, with how to hand it over. */
export function OneTimePassword({ revealed, onDismiss }: { revealed: RevealedPassword; onDismiss: () => void }) {
  return (
    <OneTimeValue
      title={
        <>
          {revealed.reason === 'added' ? 'Added' : 'Password reset for'}{' '}
          <span className="[overflow-wrap:anywhere]">{revealed.email}</span>: their one-time password
        </>
      }
      label="One-time password"
      value={revealed.password}
      note={
        <>
          Share it safely (in person, by phone, or a password manager&apos;s sharing), not in the same e-mail as the
          address. They must change it at their first sign-in.
        </>
      }
      dismissLabel="I have shared it"
      onDismiss={onDismiss}
    />
  );
}
