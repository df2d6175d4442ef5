import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSessionToken,
  renewSessionToken,
  SESSION_IDLE_SECONDS,
  SESSION_MAX_SECONDS,
  SESSION_RENEW_AFTER_SECONDS,
  verifySessionToken,
} from './session-token';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const start = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('session tokens', () => {
  it('verifies a token it created, until it expires', () => {
    const { token, session } = createSessionToken({ key, now: start });
    expect(token).toMatch(/^v1\.\d+\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verifySessionToken({ key, token, now: start })).toEqual(session);
    expect(verifySessionToken({ key, token, now: later(SESSION_IDLE_SECONDS - 1) })).toEqual(session);
    expect(verifySessionToken({ key, token, now: later(SESSION_IDLE_SECONDS) })).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const { token } = createSessionToken({ key: otherKey, now: start });
    expect(verifySessionToken({ key, token, now: start })).toBeNull();
  });

  it('refuses a token whose expiry was pushed out, or whose signature was changed', () => {
    const { token, session } = createSessionToken({ key, now: start });
    const [version, signedIn, , signature] = token.split('.');
    const extended = [version, signedIn, session.expiresAt + 86_400, signature].join('.');
    expect(verifySessionToken({ key, token: extended, now: start })).toBeNull();
    for (let index = 0; index < signature!.length; index++) {
      const flipped =
        signature!.slice(0, index) + (signature![index] === 'A' ? 'B' : 'A') + signature!.slice(index + 1);
      expect(
        verifySessionToken({ key, token: [version, signedIn, session.expiresAt, flipped].join('.'), now: start }),
      ).toBeNull();
    }
  });

  it('refuses malformed values without throwing', () => {
    for (const token of [undefined, null, '', 'v1', 'v1.1.2', 'v2.1.2.abc', 'x'.repeat(500), 'v1.a.b.c', 'v1.1.2.3.4'])
      expect(verifySessionToken({ key, token, now: start })).toBeNull();
  });

  it('refuses a validly signed token claiming more than the maximum lifetime or a future sign-in', () => {
    // Forge with the real key, as a bug in renewal could: the limits still hold.
    const tooLong = signedToken(start, SESSION_MAX_SECONDS + 60);
    expect(verifySessionToken({ key, token: tooLong, now: later(60) })).toBeNull();
    const future = signedToken(later(3600), SESSION_IDLE_SECONDS);
    expect(verifySessionToken({ key, token: future, now: start })).toBeNull();
  });

  it('renews a session in use once a day, sliding, never past the maximum lifetime', () => {
    const { session } = createSessionToken({ key, now: start });
    expect(renewSessionToken({ key, session, now: later(SESSION_RENEW_AFTER_SECONDS - 1) })).toBeNull();
    const renewed = renewSessionToken({ key, session, now: later(SESSION_RENEW_AFTER_SECONDS) })!;
    expect(renewed.session).toEqual({
      signedInAt: session.signedInAt,
      expiresAt: session.signedInAt + SESSION_RENEW_AFTER_SECONDS + SESSION_IDLE_SECONDS,
    });
    expect(verifySessionToken({ key, token: renewed.token, now: later(SESSION_IDLE_SECONDS + 60) })).toEqual(
      renewed.session,
    );

    // Used every day: it still ends SESSION_MAX_SECONDS after signing in.
    let current = session;
    for (let day = 1; day <= 40; day++) {
      const now = later(day * 86_400);
      if (!verifySessionToken({ key, token: signedTokenOf(current), now })) break;
      current = renewSessionToken({ key, session: current, now })?.session ?? current;
    }
    expect(current.expiresAt).toBe(session.signedInAt + SESSION_MAX_SECONDS);
    expect(verifySessionToken({ key, token: signedTokenOf(current), now: later(SESSION_MAX_SECONDS) })).toBeNull();
  });
});

function signedToken(signedInAtDate: Date, lifetime: number): string {
  const signedInAt = Math.floor(signedInAtDate.getTime() / 1000);
  return signedTokenOf({ signedInAt, expiresAt: signedInAt + lifetime });
}

function signedTokenOf(session: { signedInAt: number; expiresAt: number }): string {
  // The same format createSessionToken writes (checked by the first test).
  const payload = `v1.${session.signedInAt}.${session.expiresAt}`;
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}
