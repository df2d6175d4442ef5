import { describe, expect, it } from 'vitest';
import type { Environment } from '@/app/lib/env';
import { resolveAuthConfig } from './resolve-auth-config';

const base = {
  NODE_ENV: 'development',
  DASHBOARD_AUTH: 'on',
  TRUSTED_PROXY_HOPS: 0,
  PASSWORD_SIGN_IN: 'on',
} as Environment;
const PASSWORD = 'correct horse battery';
const SSO = {
  OIDC_ISSUER: 'https://login.example.com',
  OIDC_CLIENT_ID: 'tracker',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_ALLOWED_DOMAINS: 'example.com',
  OIDC_DEFAULT_ROLE: 'viewer',
  OIDC_DISPLAY_NAME: 'company account',
} as const;

function resolve(values: Partial<Environment>, production = false) {
  return resolveAuthConfig({ environment: { ...base, ...values }, production });
}

describe('resolveAuthConfig', () => {
  it('requires sign-in in production, users living in the database (no password or secret needed)', () => {
    expect(resolve({}, true)).toMatchObject({ mode: 'accounts', passwordSignIn: true, sso: false, warnings: [] });
  });

  it('requires sign-in in development once a first admin, a legacy password or SSO is configured', () => {
    expect(resolve({ ADMIN_EMAIL: 'a@example.com', ADMIN_PASSWORD: PASSWORD })).toMatchObject({ mode: 'accounts' });
    expect(resolve({ DASHBOARD_PASSWORD: PASSWORD })).toMatchObject({ mode: 'accounts', legacyPassword: true });
    expect(resolve(SSO)).toMatchObject({ mode: 'accounts', sso: true });
    // Half an SSO configuration stops the start, saying what to set.
    expect(resolve({ OIDC_ISSUER: 'https://login.example.com' })).toMatchObject({
      mode: 'misconfigured',
      problem: expect.stringMatching(/OIDC_CLIENT_ID/),
    });
  });

  it('keeps API_TOKEN, DASHBOARD_PASSWORD and SESSION_SECRET working with a deprecation notice each', () => {
    const config = resolve(
      { DASHBOARD_PASSWORD: PASSWORD, SESSION_SECRET: 's'.repeat(32), API_TOKEN: 't'.repeat(16) },
      true,
    );
    expect(config).toMatchObject({ mode: 'accounts', apiToken: 't'.repeat(16), legacyPassword: true });
    expect(config.mode === 'accounts' && config.warnings).toEqual([
      expect.stringMatching(/API_TOKEN is deprecated.*personal tokens/),
      expect.stringMatching(/DASHBOARD_PASSWORD is deprecated: it became the password of the first admin/),
      expect.stringMatching(/SESSION_SECRET is no longer needed/),
    ]);
  });

  it('turns password sign-in off only beside SSO', () => {
    expect(resolve({ ...SSO, PASSWORD_SIGN_IN: 'off' }, true)).toMatchObject({
      mode: 'accounts',
      passwordSignIn: false,
      sso: true,
    });
  });

  it('is open in development with nothing configured, and says so', () => {
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
    [{ DASHBOARD_PASSWORD: PASSWORD, DASHBOARD_AUTH: 'off' as const }, /remove DASHBOARD_AUTH=off/],
    [{ OIDC_ISSUER: 'https://login.example.com', DASHBOARD_AUTH: 'off' as const }, /remove DASHBOARD_AUTH=off/],
    [{ DASHBOARD_PASSWORD: 'p'.repeat(16), API_TOKEN: 'p'.repeat(16) }, /API_TOKEN must differ/],
    [{ ADMIN_EMAIL: 'a@example.com' }, /set ADMIN_PASSWORD/],
    [{ PASSWORD_SIGN_IN: 'off' as const }, /set OIDC_ISSUER/],
  ])('refuses inconsistent settings %j, saying what to change', (values, message) => {
    for (const production of [false, true]) {
      const config = resolve(values, production);
      expect(config.mode).toBe('misconfigured');
      expect(config.mode === 'misconfigured' && config.problem).toMatch(message);
    }
  });
});
