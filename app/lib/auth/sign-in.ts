import { createDeviceToken, verifyDeviceToken } from './device-token';
import type { AuthConfig } from './resolve-auth-config';
import { safeEqual } from './safe-equal';
import { createSessionToken, type Session } from './session-token';
import { getSignInThrottle, signInThrottleKey, type SignInThrottle } from './sign-in-throttle';

/** `device`: the attempt was counted for its browser (valid device cookie); `address`: for its source address. */
export type ThrottledBy = 'device' | 'address';

export type SignInResult =
  | {
      ok: true;
      token: string;
      session: Session;
      /** The device cookie's value: the one the browser sent when valid (set again to extend it), else a new one. */
      deviceToken: string;
    }
  | { ok: false; reason: 'too_many_attempts'; retryAfterSeconds: number; throttledBy: ThrottledBy }
  | { ok: false; reason: 'wrong_password'; retryAfterSeconds: number; throttledBy: ThrottledBy };

/**
 * Checks the dashboard password for one attempt from `sourceAddress`, carrying the device cookie
 * `deviceToken` if the browser has one. Attempts count toward the device when its cookie is valid,
 * else toward the address (see signInThrottleKey). One that failed too often must wait first (even
 * with the right password, or guessing could go on at full speed).
 */
export function signIn({
  config,
  password,
  sourceAddress,
  deviceToken,
  now = new Date(),
  throttle = getSignInThrottle(),
}: {
  config: Extract<AuthConfig, { mode: 'password' }>;
  password: string;
  sourceAddress: string | null;
  deviceToken?: string | null;
  now?: Date;
  throttle?: SignInThrottle;
}): SignInResult {
  const deviceId = verifyDeviceToken({ key: config.deviceKey, token: deviceToken });
  const key = signInThrottleKey({ sourceAddress, deviceId });
  const throttledBy: ThrottledBy = deviceId ? 'device' : 'address';
  const waiting = throttle.retryAfterSeconds(key, now.getTime());
  if (waiting > 0) return { ok: false, reason: 'too_many_attempts', retryAfterSeconds: waiting, throttledBy };
  if (!safeEqual(password, config.password)) {
    return {
      ok: false,
      reason: 'wrong_password',
      retryAfterSeconds: throttle.recordFailure(key, now.getTime()),
      throttledBy,
    };
  }
  throttle.recordSuccess(key);
  return {
    ok: true,
    ...createSessionToken({ key: config.sessionKey, now }),
    deviceToken: deviceId && deviceToken ? deviceToken : createDeviceToken(config.deviceKey).token,
  };
}
