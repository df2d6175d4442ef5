import { describe, expect, it } from 'vitest';
import type { Environment } from '@/app/lib/env';
import { authorizeRequest, type PresentedCredentials } from './authorize-request';
import type { Principal } from './principal';
import { resolveAuthConfig, type AuthConfig } from './resolve-auth-config';
import type { Role } from './roles';

const environment = {
  NODE_ENV: 'production',
  DASHBOARD_AUTH: 'on',
  TRUSTED_PROXY_HOPS: 0,
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'correct horse battery',
  API_TOKEN: 'api-token-0123456789',
} as Environment;
const config = resolveAuthConfig({ environment, production: true });
const ORIGIN = 'http://127.0.0.1:3304';

function person(role: Role, kind: Principal['kind'] = 'session'): Principal {
  return {
    kind,
    role,
    userId: 'u1',
    name: 'ana@example.com',
    sessionId: kind === 'session' ? 's1' : null,
    tokenId: kind === 'token' ? 't1' : null,
    tokenName: kind === 'token' ? 'nightly' : null,
  };
}
const admin = person('admin');
const session = (principal: Principal | null = admin): PresentedCredentials => ({ kind: 'session', principal });
const bearer = (principal: Principal | null): PresentedCredentials => ({ kind: 'bearer', principal });

function decide(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    credentials?: PresentedCredentials;
    config?: AuthConfig;
    proxyUserName?: string;
  } = {},
) {
  return authorizeRequest({
    config: options.config ?? config,
    method: options.method ?? 'GET',
    url: `${ORIGIN}${path}`,
    headers: new Headers({ host: '127.0.0.1:3304', ...options.headers }),
    credentials: options.credentials ?? { kind: 'none' },
    publicFiles: new Set(['/screenshots/envelopes.png']),
    proxyUserName: options.proxyUserName ?? null,
  });
}

const PUBLIC_ALLOW = { action: 'allow', principal: null, deprecatedToken: false };

describe('authorizeRequest with accounts', () => {
  it('sends a page visitor without a session to sign-in, keeping where they were going', () => {
    expect(decide('/')).toEqual({ action: 'redirect', location: '/sign-in' });
    expect(decide('/deliveries?hook=a&outcome=rejected')).toEqual({
      action: 'redirect',
      location: '/sign-in?next=%2Fdeliveries%3Fhook%3Da%26outcome%3Drejected',
    });
  });

  it('answers 401 in the API error shape without a session, or with an ended one', () => {
    expect(decide('/api/envelopes')).toMatchObject({ action: 'deny', status: 401, code: 'unauthorized', api: true });
    expect(decide('/api/envelopes', { credentials: session(null) })).toMatchObject({
      status: 401,
      message: expect.stringMatching(/session has ended/),
    });
    // A page post without a session is refused, not redirected.
    expect(decide('/setup', { method: 'POST' })).toMatchObject({ status: 401, api: false });
  });

  it('lets a valid session through as its person', () => {
    expect(decide('/', { credentials: session() })).toEqual({
      action: 'allow',
      principal: admin,
      deprecatedToken: false,
    });
    expect(decide('/api/hooks', { credentials: session() })).toMatchObject({ action: 'allow', principal: admin });
  });

  it('refuses a role too low with 403 forbidden_role, naming the role needed', () => {
    const viewer = session(person('viewer'));
    expect(
      decide('/api/deliveries/d1/replay', { method: 'POST', credentials: viewer, headers: { origin: ORIGIN } }),
    ).toMatchObject({
      status: 403,
      code: 'forbidden_role',
      message: expect.stringMatching(/needs the operator role/),
    });
    expect(decide('/api/deliveries', { credentials: viewer }).action).toBe('allow');
    expect(decide('/audit', { credentials: session(person('operator')) })).toMatchObject({ status: 403, api: false });
  });

  it('keeps webhooks, health, sign-in, the sandbox API and public files open', () => {
    for (const path of [
      '/api/webhooks/abc',
      '/api/health',
      '/api/health/live',
      '/sign-in?next=%2F',
      '/api/sandbox/esignanywhere/v6/envelope/x',
      '/screenshots/envelopes.png',
    ])
      expect(decide(path), path).toEqual(PUBLIC_ALLOW);
    expect(decide('/api/webhooks/abc', { method: 'POST', headers: { origin: 'https://esign.example' } }).action).toBe(
      'allow',
    );
  });

  it('keeps a person whose password must be changed on the Account page until it is', () => {
    const pending = session({ ...person('viewer'), mustChangePassword: true });
    expect(decide('/deliveries', { credentials: pending })).toEqual({
      action: 'redirect',
      location: '/account?change-password=1',
    });
    expect(decide('/api/envelopes', { credentials: pending })).toMatchObject({
      status: 403,
      code: 'password_change_required',
    });
    expect(decide('/account', { credentials: pending }).action).toBe('allow');
    expect(
      decide('/api/account/password', { method: 'POST', credentials: pending, headers: { origin: ORIGIN } }).action,
    ).toBe('allow');
  });

  it('accepts a bearer token (personal or the deprecated API_TOKEN), without an Origin check', () => {
    const legacy = bearer({ ...person('admin', 'legacy-token'), userId: null, name: 'API_TOKEN' });
    expect(decide('/api/envelopes', { credentials: legacy })).toMatchObject({ action: 'allow', deprecatedToken: true });
    expect(
      decide('/api/hooks', {
        method: 'POST',
        credentials: bearer(person('admin', 'token')),
        headers: { origin: 'https://evil.example' },
      }).action,
    ).toBe('allow');
    expect(decide('/api/envelopes', { credentials: bearer(null) })).toMatchObject({
      status: 401,
      message: expect.stringMatching(/unknown, revoked or expired/),
    });
    // A token's role counts like a person's.
    expect(decide('/api/hooks', { credentials: bearer(person('viewer', 'token')) })).toMatchObject({
      status: 403,
      code: 'forbidden_role',
      message: expect.stringMatching(/token has at most/),
    });
  });

  it('refuses a state-changing request with a session cookie from another origin (or none)', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(
        decide('/api/hooks', { method, credentials: session(), headers: { origin: 'https://evil.example' } }),
      ).toMatchObject({ action: 'deny', status: 403, code: 'forbidden_origin' });
      expect(decide('/api/hooks', { method, credentials: session() })).toMatchObject({ status: 403 });
      expect(decide('/api/hooks', { method, credentials: session(), headers: { origin: ORIGIN } }).action).toBe(
        'allow',
      );
    }
    // Reading is not state-changing: no Origin needed.
    expect(decide('/api/hooks', { credentials: session(), headers: { origin: 'https://evil.example' } }).action).toBe(
      'allow',
    );
  });

  it('refuses a cross-site post to sign-in or sign-out, but not one without Origin', () => {
    expect(decide('/api/auth/sign-in', { method: 'POST', headers: { origin: 'https://evil.example' } })).toMatchObject({
      status: 403,
    });
    expect(decide('/api/auth/sign-out', { method: 'POST', headers: { origin: 'https://evil.example' } })).toMatchObject(
      {
        status: 403,
      },
    );
    expect(decide('/api/auth/sign-in', { method: 'POST', headers: { origin: ORIGIN } }).action).toBe('allow');
    expect(decide('/api/auth/sign-in', { method: 'POST' }).action).toBe('allow');
  });
});

describe('authorizeRequest with sign-in off', () => {
  const off = resolveAuthConfig({
    environment: { ...environment, ADMIN_PASSWORD: undefined, ADMIN_EMAIL: undefined, DASHBOARD_AUTH: 'off' },
    production: true,
  });
  const development = resolveAuthConfig({
    environment: { ...environment, ADMIN_PASSWORD: undefined, ADMIN_EMAIL: undefined },
    production: false,
  });

  it('lets reading and same-origin changes through when open', () => {
    for (const open of [off, development]) {
      expect(decide('/', { config: open }).action).toBe('allow');
      expect(decide('/api/hooks', { config: open, headers: { origin: 'https://x.example' } }).action).toBe('allow');
      expect(decide('/api/hooks', { config: open, method: 'POST', headers: { origin: ORIGIN } }).action).toBe('allow');
      expect(
        decide('/api/hooks', { config: open, method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } }).action,
      ).toBe('allow');
    }
  });

  it('refuses a state-changing request from another site with DASHBOARD_AUTH=off (and in open development)', () => {
    for (const open of [off, development]) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const foreign = decide('/api/hooks/abc', { config: open, method, headers: { origin: 'https://evil.example' } });
        expect(foreign).toMatchObject({ action: 'deny', status: 403, code: 'forbidden_origin', api: true });
        expect(foreign.action === 'deny' && foreign.message).toMatch(/set PUBLIC_URL/);
      }
      // A page's server action posts to the page's path.
      expect(
        decide('/setup', { config: open, method: 'POST', headers: { origin: 'https://evil.example' } }),
      ).toMatchObject({ status: 403, api: false });
      // A browser that leaves Origin out still says where the request came from.
      expect(
        decide('/api/hooks', { config: open, method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } }),
      ).toMatchObject({ status: 403 });
      expect(decide('/api/hooks', { config: open, method: 'POST', headers: { origin: 'null' } })).toMatchObject({
        status: 403,
      });
    }
  });

  it('lets scripts without an Origin through, and keeps webhooks and the sandbox API exempt, when open', () => {
    expect(decide('/api/hooks', { config: off, method: 'POST' }).action).toBe('allow');
    for (const path of ['/api/webhooks/abc', '/api/sandbox/esignanywhere/v6/envelope/x'])
      expect(
        decide(path, { config: off, method: 'POST', headers: { origin: 'https://esign.example' } }).action,
        path,
      ).toBe('allow');
  });

  it('accepts PUBLIC_URL, and the forwarded host behind trusted proxies, as this app when open', () => {
    const behindProxy = resolveAuthConfig({
      environment: {
        ...environment,
        ADMIN_PASSWORD: undefined,
        ADMIN_EMAIL: undefined,
        DASHBOARD_AUTH: 'off',
        PUBLIC_URL: 'https://esign.example.com',
        TRUSTED_PROXY_HOPS: 1,
      },
      production: true,
    });
    const post = (headers: Record<string, string>) =>
      decide('/api/hooks', { config: behindProxy, method: 'POST', headers }).action;
    expect(post({ origin: 'https://esign.example.com' })).toBe('allow');
    expect(post({ origin: 'https://sso.example.com', 'x-forwarded-host': 'sso.example.com' })).toBe('allow');
    expect(post({ origin: 'https://evil.example' })).toBe('deny');
    // Without trusted proxies a client's X-Forwarded-Host proves nothing.
    expect(
      decide('/api/hooks', {
        config: off,
        method: 'POST',
        headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
      }).action,
    ).toBe('deny');
  });

  it('acts for the person an SSO proxy names, as an admin, when open', () => {
    expect(decide('/api/hooks', { config: off, proxyUserName: 'ana@example.com' })).toMatchObject({
      action: 'allow',
      principal: { kind: 'open', role: 'admin', name: 'ana@example.com' },
    });
  });

  it('answers 503 with what to set when the settings cannot work, keeping webhooks and health up', () => {
    const broken = resolveAuthConfig({
      environment: { ...environment, PASSWORD_SIGN_IN: 'off' },
      production: true,
    });
    expect(decide('/', { config: broken })).toMatchObject({
      status: 503,
      api: false,
      message: expect.stringMatching(/OIDC_ISSUER/),
    });
    expect(decide('/api/envelopes', { config: broken })).toMatchObject({ status: 503, api: true });
    expect(decide('/api/health', { config: broken }).action).toBe('allow');
    expect(decide('/api/webhooks/abc', { config: broken }).action).toBe('allow');
  });
});
