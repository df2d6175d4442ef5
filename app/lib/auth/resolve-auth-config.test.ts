import { describe, expect, it } from 'vitest';
import type { Environment } from '@/app/lib/env';
import { resolveAuthConfig } from './resolve-auth-config';

const base = { NODE_ENV: 'development', DASHBOARD_AUTH: 'on', TRUSTED_PROXY_HOPS: 0 } as Environment;
const PASSWORD = 'correct horse battery';
const SECRET = 's'.repeat(32);

function resolve(values: Partial<Environment>, production = false) {
  return resolveAuthConfig({ environment: { ...base, ...values }, production });
}

describe('resolveAuthConfig', () => {
  it('requires a password with a session secret', () => {
    const config = resolve({ DASHBOARD_PASSWORD: PASSWORD, SESSION_SECRET: SECRET, API_TOKEN: 't'.repeat(16) }, true);
    expect(config).toMatchObject({ mode: 'password', password: PASSWORD, apiToken: 't'.repeat(16) });
  });

  it('derives a different session key when the password or the secret changes', () => {
    const key = (password: string, secret: string) => {
      const config = resolve({ DASHBOARD_PASSWORD: password, SESSION_SECRET: secret });
      return config.mode === 'password' ? config.sessionKey.toString('hex') : null;
    };
    expect(key(PASSWORD, SECRET)).toBe(key(PASSWORD, SECRET));
    expect(key(PASSWORD, SECRET)).not.toBe(key(`${PASSWORD}!`, SECRET));
    expect(key(PASSWORD, SECRET)).not.toBe(key(PASSWORD, 't'.repeat(32)));
  });

  it('derives the device key from the secret alone, apart from the session key', () => {
    const keys = (password: string, secret: string) => {
      const config = resolve({ DASHBOARD_PASSWORD: password, SESSION_SECRET: secret });
      return config.mode === 'password'
        ? { device: config.deviceKey.toString('hex'), session: config.sessionKey.toString('hex') }
        : null;
    };
    // A new password keeps devices that signed in before; a new secret forgets them.
    expect(keys(PASSWORD, SECRET)?.device).toBe(keys(`${PASSWORD}!`, SECRET)?.device);
    expect(keys(PASSWORD, SECRET)?.device).not.toBe(keys(PASSWORD, 't'.repeat(32))?.device);
    expect(keys(PASSWORD, SECRET)?.device).not.toBe(keys(PASSWORD, SECRET)?.session);
  });

  it('is open in development without a password, and says so', () => {
    expect(resolve({})).toEqual({
      mode: 'open',
      reason: 'development',
      publicUrl: null,
      trustedProxyHops: 0,
      warnings: [],
    });
    expect(resolve({ API_TOKEN: 't'.repeat(16) })).toMatchObject({
      mode: 'open',
      warnings: [expect.stringMatching(/API_TOKEN has no effect/)],
    });
  });

  it('refuses production without a password, naming both ways out', () => {
    const config = resolve({}, true);
    expect(config.mode).toBe('misconfigured');
    if (config.mode !== 'misconfigured') return;
    expect(config.problem).toMatch(/set DASHBOARD_PASSWORD/);
    expect(config.problem).toMatch(/SESSION_SECRET/);
    expect(config.problem).toMatch(/DASHBOARD_AUTH=off/);
  });

  it('runs production open when DASHBOARD_AUTH=off is set on purpose', () => {
    expect(resolve({ DASHBOARD_AUTH: 'off' }, true)).toEqual({
      mode: 'open',
      reason: 'disabled',
      publicUrl: null,
      trustedProxyHops: 0,
      warnings: [],
    });
    // The Origin check still runs while open, so it needs to know the app's address.
    expect(
      resolve({ DASHBOARD_AUTH: 'off', PUBLIC_URL: 'https://esign.example.com', TRUSTED_PROXY_HOPS: 1 }, true),
    ).toMatchObject({ mode: 'open', publicUrl: 'https://esign.example.com', trustedProxyHops: 1 });
  });

  it.each([
    [{ DASHBOARD_PASSWORD: PASSWORD }, /SESSION_SECRET is not.*set SESSION_SECRET to 32/],
    [
      { DASHBOARD_PASSWORD: PASSWORD, DASHBOARD_AUTH: 'off' as const, SESSION_SECRET: SECRET },
      /remove DASHBOARD_AUTH=off/,
    ],
    [{ DASHBOARD_PASSWORD: SECRET, SESSION_SECRET: SECRET }, /SESSION_SECRET must differ/],
    [
      { DASHBOARD_PASSWORD: 'p'.repeat(16), SESSION_SECRET: SECRET, API_TOKEN: 'p'.repeat(16) },
      /API_TOKEN must differ/,
    ],
  ])('refuses inconsistent settings %j, saying what to change', (values, message) => {
    for (const production of [false, true]) {
      const config = resolve(values, production);
      expect(config.mode).toBe('misconfigured');
      expect(config.mode === 'misconfigured' && config.problem).toMatch(message);
    }
  });
});
