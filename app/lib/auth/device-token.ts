import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SIGN_IN_API_PATH } from './is-public-path';

/**
 * A device cookie (OWASP "device cookies" against lockout attacks): after a successful sign-in the
 * browser gets a random id signed with a key derived from SESSION_SECRET, `d1.<id>.<signature>`.
 * A sign-in attempt carrying a valid one is throttled under that device instead of the source
 * address, so a guesser hammering a shared address (a company proxy, or every request while
 * TRUSTED_PROXY_HOPS is missing) cannot lock out the people who signed in from their browsers before.
 * Only the server can make a valid one, so a guesser cannot escape the address throttle with them.
 */
export const DEVICE_COOKIE_NAME = 'envelope_tracker_device';
/** Long-lived on purpose: it only vouches that this browser once knew the password. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const VERSION = 'd1';
const TOKEN_FORMAT = /^d1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function sign(key: Buffer, deviceId: string): string {
  return createHmac('sha256', key).update(`${VERSION}.${deviceId}`).digest('base64url');
}

/** A token for a new device (128 random bits). */
export function createDeviceToken(key: Buffer): { token: string; deviceId: string } {
  const deviceId = randomBytes(16).toString('base64url');
  return { token: `${VERSION}.${deviceId}.${sign(key, deviceId)}`, deviceId };
}

/** The device id a cookie value proves, or null when it is missing, malformed or not signed with `key`. */
export function verifyDeviceToken({ key, token }: { key: Buffer; token: string | undefined | null }): string | null {
  const match = token && token.length <= 100 ? TOKEN_FORMAT.exec(token) : null;
  if (!match) return null;
  const [, deviceId = '', signature = ''] = match;
  // Compared as text: base64url ignores the last character's spare bits, so two spellings decode alike.
  const given = Buffer.from(signature);
  const expected = Buffer.from(sign(key, deviceId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** What `response.cookies.set()` takes. */
export type DeviceCookie = {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: string;
  maxAge: number;
};

/**
 * HttpOnly, SameSite=Lax, Secure over https, and sent to the sign-in endpoint only: no other
 * request needs it, and it is not a session (sign-out keeps it).
 */
export function deviceCookie({ token, secure }: { token: string; secure: boolean }): DeviceCookie {
  return {
    name: DEVICE_COOKIE_NAME,
    value: token,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: SIGN_IN_API_PATH,
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  };
}
