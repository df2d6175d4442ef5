import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { findKnownDevice, rememberDevice } from './devices/sign-in-device';
import { verifyPassword } from './passwords/password-hash';
import { createUserSession, type NewSession } from './sessions/create-user-session';
import { endSession } from './sessions/end-sessions';
import {
  claimSignInAttempt,
  clearSignInFailures,
  readSignInWait,
  signInThrottleKeys,
} from './throttle/sign-in-throttle';

export type SignInResult =
  | {
      ok: true;
      session: NewSession;
      user: { id: string; email: string; mustChangePassword: boolean };
      /** The device cookie's value to set (see devices/sign-in-device.ts). */
      deviceToken: string;
    }
  | { ok: false; reason: 'too_many_attempts'; retryAfterSeconds: number }
  | { ok: false; reason: 'wrong_password'; retryAfterSeconds: number; email: string | null }
  | { ok: false; reason: 'account_disabled'; email: string };

/**
 * Checks an e-mail and password. Without an e-mail (the sign-in of the single DASHBOARD_PASSWORD days, kept for
 * scripts), the password is checked against the admin made from DASHBOARD_PASSWORD. Each attempt is counted before
 * the password is checked (throttle/sign-in-throttle.ts), per address and per account, or per device for a browser
 * that signed in to this account before; a bucket that failed too often must wait, even with the right password, or
 * guessing could go on at full speed. Nobody learns whether an e-mail exists: an unknown one takes as long and fails
 * alike. A browser signing in again ends the session it still held.
 */
export async function signInWithPassword({
  email,
  password,
  sourceAddress,
  userAgent,
  deviceToken,
  previousSessionToken,
  now = new Date(),
}: {
  email: string | null;
  password: string;
  sourceAddress: string | null;
  userAgent: string | null;
  deviceToken?: string | null;
  previousSessionToken?: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const user = email
    ? await prisma.user.findUnique({ where: { email: email.toLowerCase() } })
    : await prisma.user.findFirst({ where: { legacyAdmin: true } });
  const knownDeviceId = await findKnownDevice({ token: deviceToken, userId: user?.id });
  const keys = signInThrottleKeys({ sourceAddress, email: user?.email ?? email, knownDeviceId });
  const claim = await claimSignInAttempt({ keys, now });
  if (!claim.ok) return { ok: false, reason: 'too_many_attempts', retryAfterSeconds: claim.retryAfterSeconds };

  const matches = await verifyPassword({ password, hash: user?.passwordHash ?? null });
  if (!user || !matches) {
    return {
      ok: false,
      reason: 'wrong_password',
      retryAfterSeconds: await readSignInWait({ keys, now }),
      email: user?.email ?? email,
    };
  }
  await clearSignInFailures({ keys });
  if (user.disabled) return { ok: false, reason: 'account_disabled', email: user.email };
  if (previousSessionToken) await endSession({ token: previousSessionToken });
  const session = await createUserSession({ userId: user.id, method: 'password', sourceAddress, userAgent, now });
  return {
    ok: true,
    session,
    user: { id: user.id, email: user.email, mustChangePassword: user.mustChangePassword },
    deviceToken: await rememberDevice({ token: deviceToken, userId: user.id, now }),
  };
}
