import { describe, expect, it } from 'vitest';
import type { Environment } from '@/app/lib/env';
import { authorizeRequest } from './authorize-request';
import { resolveAuthConfig, type AuthConfig } from './resolve-auth-config';
import { createSessionToken, SESSION_IDLE_SECONDS, SESSION_RENEW_AFTER_SECONDS } from './session-token';

const environment = {
  NODE_ENV: 'production',
  DASHBOARD_AUTH: 'on',
  TRUSTED_PROXY_HOPS: 0,
  DASHBOARD_PASSWORD: 'correct horse battery',
  SESSION_SECRET: 's'.repeat(32),
  API_TOKEN: 'api-token-0123456789',
} as Environment;
const config = resolveAuthConfig({ environment, production: true }) as Extract<AuthConfig, { mode: 'password' }>;
const now = new Date('2026-03-01T10:00:00Z');
const { token } = createSessionToken({ key: config.sessionKey, now });
const ORIGIN = 'http://127.0.0.1:3304';

function decide(
  path: string,
  options: { method?: string; headers?: Record<string, string>; session?: string; config?: AuthConfig; at?: Date } = {},
) {
  return authorizeRequest({
    config: options.config ?? config,
    method: options.method ?? 'GET',
    url: `${ORIGIN}${path}`,
    headers: new Headers({ host: '127.0.0.1:3304', ...options.headers }),
    sessionToken: options.session,
    publicFiles: new Set(['/screenshots/envelopes.png']),
    now: options.at ?? now,
  });
}

describe('authorizeRequest with a password', () => {
  it('sends a page visitor without a session to sign-in, keeping where they were going', () => {
    expect(decide('/')).toEqual({ action: 'redirect', location: '/sign-in' });
    expect(decide('/deliveries?hook=a&outcome=rejected')).toEqual({
      action: 'redirect',
      location: '/sign-in?next=%2Fdeliveries%3Fhook%3Da%26outcome%3Drejected',
    });
  });

  it('answers 401 in the API error shape without a session, or with an ended one', () => {
    expect(decide('/api/envelopes')).toMatchObject({ action: 'deny', status: 401, code: 'unauthorized', api: true });
    const ended = decide('/api/envelopes', {
      session: token,
      at: new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000),
    });
    expect(ended).toMatchObject({ status: 401, message: expect.stringMatching(/session has ended/) });
    expect(decide('/api/envelopes', { session: `${token.slice(0, -1)}x` })).toMatchObject({ status: 401 });
    // A page post (server action) without a session is refused, not redirected.
    expect(decide('/setup', { method: 'POST' })).toMatchObject({ status: 401, api: false });
  });

  it('lets a valid session through', () => {
    expect(decide('/', { session: token })).toEqual({ action: 'allow', renewedCookie: null });
    expect(decide('/api/hooks', { session: token })).toEqual({ action: 'allow', renewedCookie: null });
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
      expect(decide(path), path).toEqual({ action: 'allow', renewedCookie: null });
    expect(decide('/api/webhooks/abc', { method: 'POST', headers: { origin: 'https://esign.example' } }).action).toBe(
      'allow',
    );
  });

  it('accepts the API token as a bearer token, without an Origin check', () => {
    const bearer = { authorization: `Bearer ${environment.API_TOKEN}` };
    expect(decide('/api/envelopes', { headers: bearer }).action).toBe('allow');
    expect(
      decide('/api/hooks', { method: 'POST', headers: { ...bearer, origin: 'https://evil.example' } }).action,
    ).toBe('allow');
    expect(decide('/api/envelopes', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).toMatchObject({
      status: 401,
      message: expect.stringMatching(/does not match API_TOKEN/),
    });
    // A wrong bearer token is not rescued by a valid cookie: the caller meant the token.
    expect(decide('/api/envelopes', { session: token, headers: { authorization: 'Bearer nope' } })).toMatchObject({
      status: 401,
    });
  });

  it('refuses bearer tokens when API_TOKEN is not set, saying so', () => {
    const withoutToken = resolveAuthConfig({ environment: { ...environment, API_TOKEN: undefined }, production: true });
    expect(
      decide('/api/envelopes', { config: withoutToken, headers: { authorization: 'Bearer anything-at-all-here' } }),
    ).toMatchObject({ status: 401, message: expect.stringMatching(/API_TOKEN is not set/) });
  });

  it('refuses a state-changing request with a session cookie from another origin (or none)', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(
        decide('/api/hooks', { method, session: token, headers: { origin: 'https://evil.example' } }),
      ).toMatchObject({ action: 'deny', status: 403, code: 'forbidden_origin' });
      expect(decide('/api/hooks', { method, session: token })).toMatchObject({ status: 403 });
      expect(decide('/api/hooks', { method, session: token, headers: { origin: ORIGIN } }).action).toBe('allow');
    }
    // Reading is not state-changing: no Origin needed.
    expect(decide('/api/hooks', { session: token, headers: { origin: 'https://evil.example' } }).action).toBe('allow');
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

  it('renews a session in use after a day, with the cookie attributes', () => {
    const at = new Date(now.getTime() + SESSION_RENEW_AFTER_SECONDS * 1000 + 1000);
    const decision = decide('/', { session: token, at });
    expect(decision.action).toBe('allow');
    const cookie = decision.action === 'allow' ? decision.renewedCookie : null;
    expect(cookie).toMatchObject({
      name: 'envelope_tracker_session',
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      path: '/',
      maxAge: SESSION_IDLE_SECONDS,
    });
    expect(cookie?.value).not.toBe(token);
    const https = decide('/', { session: token, at, headers: { 'x-forwarded-proto': 'https' } });
    expect(https.action === 'allow' && https.renewedCookie?.secure).toBe(true);
  });
});

describe('authorizeRequest without a password', () => {
  const off = resolveAuthConfig({
    environment: { ...environment, DASHBOARD_PASSWORD: undefined, DASHBOARD_AUTH: 'off' },
    production: true,
  });
  const development = resolveAuthConfig({
    environment: { ...environment, DASHBOARD_PASSWORD: undefined },
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
        DASHBOARD_PASSWORD: undefined,
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

  it('answers 503 with what to set when the settings cannot work, keeping webhooks and health up', () => {
    const broken = resolveAuthConfig({
      environment: { ...environment, DASHBOARD_PASSWORD: undefined },
      production: true,
    });
    expect(decide('/', { config: broken })).toMatchObject({
      status: 503,
      api: false,
      message: expect.stringMatching(/DASHBOARD_PASSWORD/),
    });
    expect(decide('/api/envelopes', { config: broken })).toMatchObject({ status: 503, api: true });
    expect(decide('/api/health', { config: broken }).action).toBe('allow');
    expect(decide('/api/webhooks/abc', { config: broken }).action).toBe('allow');
  });
});
