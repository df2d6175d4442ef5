import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Environment } from '@/app/lib/env';
import { resolveOidcSettings } from './oidc-settings';

const base = { OIDC_DEFAULT_ROLE: 'viewer', OIDC_DISPLAY_NAME: 'company account' } as Environment;
const complete = {
  OIDC_ISSUER: 'https://login.example.com/realms/staff',
  OIDC_CLIENT_ID: 'envelope-tracker',
  OIDC_CLIENT_SECRET: 'client-secret',
  OIDC_ALLOWED_DOMAINS: 'example.com',
  PUBLIC_URL: 'https://tracker.example.com',
} satisfies Partial<Environment>;

function resolve(values: Partial<Environment>) {
  return resolveOidcSettings({ environment: { ...base, ...values } });
}

function problemOf(values: Partial<Environment>): string {
  const result = resolve(values);
  if (!result || !('problem' in result)) throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
  return result.problem;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('resolveOidcSettings', () => {
  it('is null when SSO is not set up', () => {
    expect(resolve({})).toBeNull();
  });

  it('reads a complete configuration', () => {
    const settings = resolve({
      ...complete,
      OIDC_ALLOWED_DOMAINS: ' Example.com, @example.ro ,example.com',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'tracker-admins=admin, tracker-ops=operator,staff=viewer',
      OIDC_DEFAULT_ROLE: 'none',
      OIDC_DISPLAY_NAME: 'Example SSO',
    });
    expect(settings).toEqual({
      issuer: complete.OIDC_ISSUER,
      clientId: 'envelope-tracker',
      clientSecret: 'client-secret',
      allowedDomains: ['example.com', 'example.ro'],
      roleClaim: 'groups',
      roleMap: new Map([
        ['tracker-admins', 'admin'],
        ['tracker-ops', 'operator'],
        ['staff', 'viewer'],
      ]),
      defaultRole: 'none',
      displayName: 'Example SSO',
      redirectUri: 'https://tracker.example.com/api/auth/oidc/callback',
    });
  });

  it('defaults to no role claim and the default role', () => {
    expect(resolve(complete)).toMatchObject({
      allowedDomains: ['example.com'],
      roleClaim: null,
      roleMap: new Map(),
      defaultRole: 'viewer',
    });
  });

  it('builds the redirect URI from PUBLIC_URL, keeping a path prefix, or from localhost and PORT', () => {
    expect(resolve({ ...complete, PUBLIC_URL: 'https://example.com/tracker/' })).toMatchObject({
      redirectUri: 'https://example.com/tracker/api/auth/oidc/callback',
    });
    vi.stubEnv('PORT', '4123');
    expect(resolve({ ...complete, PUBLIC_URL: undefined })).toMatchObject({
      redirectUri: 'http://localhost:4123/api/auth/oidc/callback',
    });
  });

  it('refuses to let in anyone the provider knows: domains, or only mapped groups', () => {
    expect(problemOf({ ...complete, OIDC_ALLOWED_DOMAINS: undefined })).toMatch(/OIDC_ALLOWED_DOMAINS is not set/);
    expect(
      resolve({
        ...complete,
        OIDC_ALLOWED_DOMAINS: undefined,
        OIDC_DEFAULT_ROLE: 'none',
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: 'staff=viewer',
      }),
    ).toMatchObject({ allowedDomains: [], defaultRole: 'none' });
  });

  it('says what is missing', () => {
    expect(problemOf({ ...complete, OIDC_CLIENT_ID: undefined })).toMatch(/set OIDC_CLIENT_ID|OIDC_CLIENT_ID is not/);
    expect(problemOf({ ...complete, OIDC_CLIENT_SECRET: undefined })).toMatch(/OIDC_CLIENT_SECRET is not/);
    expect(problemOf({ ...complete, OIDC_ISSUER: undefined })).toMatch(/OIDC_ISSUER is not/);
  });

  it('refuses plain http except on this machine', () => {
    expect(problemOf({ ...complete, OIDC_ISSUER: 'http://login.example.com' })).toMatch(/https:\/\//);
    for (const issuer of ['http://localhost:8080', 'http://127.0.0.1:9000/realms/x', 'http://[::1]:9000'])
      expect(resolve({ ...complete, OIDC_ISSUER: issuer })).toMatchObject({ issuer });
    expect(problemOf({ ...complete, OIDC_ISSUER: 'ftp://login.example.com' })).toMatch(/https:\/\//);
    expect(problemOf({ ...complete, OIDC_ISSUER: 'https://login.example.com/?tenant=1' })).toMatch(/query/);
  });

  it('refuses a bad role map', () => {
    const withClaim = { ...complete, OIDC_ROLE_CLAIM: 'groups' };
    expect(problemOf({ ...withClaim, OIDC_ROLE_MAP: 'tracker-admins=owner' })).toMatch(
      /"owner".*viewer, operator or admin/,
    );
    expect(problemOf({ ...withClaim, OIDC_ROLE_MAP: 'tracker-admins' })).toMatch(/claim-value=role/);
    expect(problemOf({ ...withClaim, OIDC_ROLE_MAP: '=admin' })).toMatch(/claim-value=role/);
    expect(problemOf({ ...withClaim, OIDC_ROLE_MAP: 'staff=viewer,staff=admin' })).toMatch(/twice/);
    // The last = splits: a claim value may hold one.
    expect(resolve({ ...withClaim, OIDC_ROLE_MAP: 'CN=Admins=admin' })).toMatchObject({
      roleMap: new Map([['CN=Admins', 'admin']]),
    });
  });

  it('needs the role claim and the role map together', () => {
    expect(problemOf({ ...complete, OIDC_ROLE_MAP: 'staff=viewer' })).toMatch(/OIDC_ROLE_CLAIM is not/);
    expect(problemOf({ ...complete, OIDC_ROLE_CLAIM: 'groups' })).toMatch(/OIDC_ROLE_MAP is not/);
  });

  it('refuses a default role of none without a map, which would let nobody in', () => {
    expect(problemOf({ ...complete, OIDC_DEFAULT_ROLE: 'none' })).toMatch(/nobody could sign in/);
  });

  it('refuses something that is not a domain', () => {
    expect(problemOf({ ...complete, OIDC_ALLOWED_DOMAINS: 'example.com, people@example.ro' })).toMatch(
      /"people@example.ro" is not an e-mail domain/,
    );
    expect(problemOf({ ...complete, OIDC_ALLOWED_DOMAINS: 'localhost' })).toMatch(/not an e-mail domain/);
  });
});
