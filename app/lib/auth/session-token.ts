import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A session is a signed, self-contained cookie value: `v1.<signedInAt>.<expiresAt>.<signature>`
 * (seconds since the epoch, HMAC-SHA256 in base64url). Nothing is stored on the server, so sign-out
 * clears the cookie, and changing SESSION_SECRET or DASHBOARD_PASSWORD ends every session at once.
 *
 * Expiry slides: a session unused for SESSION_IDLE_SECONDS ends; one in use is renewed at most
 * once per SESSION_RENEW_AFTER_SECONDS, but never beyond SESSION_MAX_SECONDS after signing in.
 */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_RENEW_AFTER_SECONDS = 24 * 60 * 60;

const VERSION = 'v1';
const TOKEN_FORMAT = /^v1\.(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
/** Clocks of several app instances may differ a little. */
const CLOCK_SKEW_SECONDS = 60;

export type Session = { signedInAt: number; expiresAt: number };

function sign(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

function toSeconds(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

function encode(key: Buffer, session: Session): string {
  const payload = `${VERSION}.${session.signedInAt}.${session.expiresAt}`;
  return `${payload}.${sign(key, payload).toString('base64url')}`;
}

export function createSessionToken({ key, now = new Date() }: { key: Buffer; now?: Date }): {
  token: string;
  session: Session;
} {
  const signedInAt = toSeconds(now);
  const session = { signedInAt, expiresAt: signedInAt + SESSION_IDLE_SECONDS };
  return { token: encode(key, session), session };
}

/** The session a cookie value proves, or null when it is malformed, forged, tampered with or expired. */
export function verifySessionToken({
  key,
  token,
  now = new Date(),
}: {
  key: Buffer;
  token: string | undefined | null;
  now?: Date;
}): Session | null {
  const match = token && token.length <= 200 ? TOKEN_FORMAT.exec(token) : null;
  if (!match) return null;
  const [, signedInText = '', expiresText = '', signatureText = ''] = match;
  // Compared as text: base64url ignores the last character's spare bits, so two spellings decode alike.
  const given = Buffer.from(signatureText);
  const expected = Buffer.from(sign(key, `${VERSION}.${signedInText}.${expiresText}`).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  const session = { signedInAt: Number(signedInText), expiresAt: Number(expiresText) };
  const seconds = toSeconds(now);
  if (session.expiresAt <= seconds) return null;
  if (session.signedInAt > seconds + CLOCK_SKEW_SECONDS) return null;
  if (session.expiresAt - session.signedInAt > SESSION_MAX_SECONDS) return null;
  return session;
}

/** A fresh token for a session in use, when it is due for renewal and may still be extended; else null. */
export function renewSessionToken({
  key,
  session,
  now = new Date(),
}: {
  key: Buffer;
  session: Session;
  now?: Date;
}): { token: string; session: Session } | null {
  const seconds = toSeconds(now);
  const lastIssued = session.expiresAt - SESSION_IDLE_SECONDS;
  if (seconds - lastIssued < SESSION_RENEW_AFTER_SECONDS) return null;
  const expiresAt = Math.min(seconds + SESSION_IDLE_SECONDS, session.signedInAt + SESSION_MAX_SECONDS);
  if (expiresAt <= session.expiresAt) return null;
  const renewed = { signedInAt: session.signedInAt, expiresAt };
  return { token: encode(key, renewed), session: renewed };
}
