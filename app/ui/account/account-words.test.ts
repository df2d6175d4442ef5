import { describe, expect, it } from 'vitest';
import { describeUserAgent, hasPassword, sessionMethod, signInWays, tokenState } from './account-words';

describe('signInWays', () => {
  it('names each way a person signs in', () => {
    expect(signInWays('password')).toBe('Password');
    expect(signInWays('password and sso')).toBe('Password and Company SSO');
    expect(signInWays('none yet')).toMatch(/^Not yet/);
  });
});

describe('hasPassword', () => {
  it('is true only with a password among the ways', () => {
    expect(hasPassword('password and sso')).toBe(true);
    expect(hasPassword('sso')).toBe(false);
    expect(hasPassword('none yet')).toBe(false);
  });
});

describe('sessionMethod', () => {
  it('says how the session began', () => {
    expect(sessionMethod('oidc')).toBe('Company SSO');
    expect(sessionMethod('password')).toBe('Password');
  });
});

describe('describeUserAgent', () => {
  it('names common browsers and systems, however they also claim to be others', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge on Windows');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome on Android');
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0')).toBe(
      'Firefox on Linux',
    );
    expect(describeUserAgent('curl/8.5.0')).toBe('curl');
    expect(describeUserAgent(null)).toBe('Unknown browser');
    expect(describeUserAgent('SomeBot')).toBe('SomeBot');
  });
});

describe('tokenState', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  it('tells revoked from expired from active', () => {
    expect(tokenState({ expiresAt: null, revokedAt: '2025-05-01T00:00:00Z' }, now).kind).toBe('revoked');
    expect(tokenState({ expiresAt: '2025-06-01T11:59:59Z', revokedAt: null }, now).kind).toBe('expired');
    expect(tokenState({ expiresAt: '2025-06-02T00:00:00Z', revokedAt: null }, now).kind).toBe('active');
    expect(tokenState({ expiresAt: null, revokedAt: null }, now).kind).toBe('active');
  });
});
