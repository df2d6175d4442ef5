import type { AuthConfig } from './resolve-auth-config';
import { safeEqual } from './safe-equal';
import { createSessionToken, type Session } from './session-token';
import { getSignInThrottle, type SignInThrottle } from './sign-in-throttle';

export type SignInResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'too_many_attempts'; retryAfterSeconds: number }
  | { ok: false; reason: 'wrong_password'; retryAfterSeconds: number };

/**
 * Checks the dashboard password for one attempt from `sourceAddress`. A source that failed too
 * often must wait first (even with the right password, or guessing could go on at full speed).
 */
export function signIn({
  config,
  password,
  sourceAddress,
  now = new Date(),
  throttle = getSignInThrottle(),
}: {
  config: Extract<AuthConfig, { mode: 'password' }>;
  password: string;
  sourceAddress: string | null;
  now?: Date;
  throttle?: SignInThrottle;
}): SignInResult {
  const waiting = throttle.retryAfterSeconds(sourceAddress, now.getTime());
  if (waiting > 0) return { ok: false, reason: 'too_many_attempts', retryAfterSeconds: waiting };
  if (!safeEqual(password, config.password)) {
    return {
      ok: false,
      reason: 'wrong_password',
      retryAfterSeconds: throttle.recordFailure(sourceAddress, now.getTime()),
    };
  }
  throttle.recordSuccess(sourceAddress);
  return { ok: true, ...createSessionToken({ key: config.sessionKey, now }) };
}
