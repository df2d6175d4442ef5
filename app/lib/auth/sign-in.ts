import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { verifyPassword } from './passwords/password-hash';
import { createUserSession, type NewSession } from './sessions/create-user-session';
import {
  clearSignInFailures,
  readSignInWait,
  recordSignInFailure,
  signInThrottleKeys,
} from './throttle/sign-in-throttle';

export type SignInResult =
  | { ok: true; session: NewSession; user: { id: string; email: string; mustChangePassword: boolean } }
  | { ok: false; reason: 'too_many_attempts'; retryAfterSeconds: number }
  | { ok: false; reason: 'wrong_password'; retryAfterSeconds: number; email: string | null }
  | { ok: false; reason: 'account_disabled'; email: string };

/**
 * Checks an e-mail and password. Without an e-mail (the sign-in of the single DASHBOARD_PASSWORD days, kept for
 * scripts), the password is checked against the admin made from DASHBOARD_PASSWORD. Every failure counts toward the
 * address's and the account's buckets (throttle/sign-in-throttle.ts); a bucket that failed too often must wait,
 * even with the right password, or guessing could go on at full speed. Nobody learns whether an e-mail exists: an
 * unknown one takes as long and fails alike.
 */
export async function signInWithPassword({
  email,
  password,
  sourceAddress,
  userAgent,
  now = new Date(),
}: {
  email: string | null;
  password: string;
  sourceAddress: string | null;
  userAgent: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const user = email
    ? await prisma.user.findUnique({ where: { email: email.toLowerCase() } })
    : await prisma.user.findFirst({ where: { legacyAdmin: true } });
  const keys = signInThrottleKeys({ sourceAddress, email: user?.email ?? email });
  const waiting = await readSignInWait({ keys, now });
  if (waiting > 0) return { ok: false, reason: 'too_many_attempts', retryAfterSeconds: waiting };

  const matches = await verifyPassword({ password, hash: user?.passwordHash ?? null });
  if (!user || !matches) {
    return {
      ok: false,
      reason: 'wrong_password',
      retryAfterSeconds: await recordSignInFailure({ keys, now }),
      email: user?.email ?? email,
    };
  }
  await clearSignInFailures({ keys });
  if (user.disabled) return { ok: false, reason: 'account_disabled', email: user.email };
  const session = await createUserSession({ userId: user.id, method: 'password', sourceAddress, userAgent, now });
  return { ok: true, session, user: { id: user.id, email: user.email, mustChangePassword: user.mustChangePassword } };
}
