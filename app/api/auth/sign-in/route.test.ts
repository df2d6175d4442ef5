import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';

// The audit log has its own integration test (app/lib/audit/audit-sign-in.integration.test.ts); these unit tests run
// without a database.
vi.mock('@/app/lib/audit/record-audit-entry', () => ({ recordAuditEntry: async () => undefined }));

const PASSWORD = 'correct horse battery';
const saved = { ...process.env };

async function loadRoutes(env: Record<string, string | undefined>) {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('envelope-tracker.sign-in-throttle')];
  Object.assign(process.env, env);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  return {
    signIn: (await import('./route')).POST,
    signOut: (await import('../sign-out/route')).POST,
    verify: (await import('@/app/lib/auth/session-token')).verifySessionToken,
    config: (await import('@/app/lib/auth/resolve-auth-config')).getAuthConfig(),
  };
}

function post(body: unknown, { address = '192.0.2.10', form = false, headers = {} as Record<string, string> } = {}) {
  const encoded = form
    ? new URLSearchParams(body as Record<string, string>).toString()
    : typeof body === 'string'
      ? body
      : JSON.stringify(body);
  return new Request('http://127.0.0.1:3000/api/auth/sign-in', {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      [PEER_ADDRESS_HEADER]: address,
      ...headers,
    },
    body: encoded,
  });
}

describe('POST /api/auth/sign-in', () => {
  beforeEach(() => {
    process.env = { ...saved };
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  const protectedEnv = {
    NODE_ENV: 'production',
    DASHBOARD_PASSWORD: PASSWORD,
    SESSION_SECRET: 'x'.repeat(40),
    DASHBOARD_AUTH: 'on',
    PUBLIC_URL: undefined,
    TRUSTED_PROXY_HOPS: undefined,
  };

  it('sets an HttpOnly, SameSite=Lax session cookie for the right password and answers where to go', async () => {
    const { signIn, verify, config } = await loadRoutes(protectedEnv);
    const response = await signIn(post({ password: PASSWORD, next: '/deliveries?hook=a' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, next: '/deliveries?hook=a' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^envelope_tracker_session=v1\./);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Max-Age=604800/);
    expect(setCookie).not.toMatch(/Secure/i);
    const token = /envelope_tracker_session=([^;]+)/.exec(setCookie)?.[1];
    expect(config.mode === 'password' && verify({ key: config.sessionKey, token })).toBeTruthy();
  });

  it('marks the cookie Secure over https and never sends the visitor to another site', async () => {
    const { signIn } = await loadRoutes(protectedEnv);
    const response = await signIn(
      post({ password: PASSWORD, next: '//evil.example/' }, { headers: { 'x-forwarded-proto': 'https' } }),
    );
    expect(await response.json()).toEqual({ ok: true, next: '/' });
    expect(response.headers.get('set-cookie')).toMatch(/Secure/i);
  });

  it('answers 401 for a wrong password and 400 for a missing one, in the one error shape, without a cookie', async () => {
    const { signIn } = await loadRoutes(protectedEnv);
    const wrong = await signIn(post({ password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'wrong_password', message: 'Wrong password. Try again.' } });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const missing = await signIn(post({}));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe('invalid_input');
    expect((await signIn(post('not json'))).status).toBe(400);
  });

  it('slows down repeated failures from one address, even for the right password, and not for others', async () => {
    const { signIn } = await loadRoutes(protectedEnv);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await signIn(post({ password: 'nope' }))).status).toBe(401);
    const sixth = await signIn(post({ password: 'nope' }));
    expect(sixth.status).toBe(401);
    expect(sixth.headers.get('retry-after')).toBe('1');
    const blocked = await signIn(post({ password: PASSWORD }));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await blocked.json()).error).toMatchObject({
      code: 'too_many_attempts',
      message: expect.stringMatching(/Try again in 1 second/),
    });
    expect((await signIn(post({ password: PASSWORD }, { address: '192.0.2.99' }))).status).toBe(200);
  });

  it('sets a long-lived, signed device cookie for the sign-in endpoint only, next to the session', async () => {
    const { signIn } = await loadRoutes(protectedEnv);
    const response = await signIn(post({ password: PASSWORD }));
    const device = response.headers.getSetCookie().find((cookie) => cookie.startsWith('envelope_tracker_device='));
    expect(device).toMatch(/^envelope_tracker_device=d1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43};/);
    expect(device).toMatch(/Path=\/api\/auth\/sign-in(;|$)/);
    expect(device).toMatch(/Max-Age=31536000/);
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=lax/i);
    expect(device).not.toMatch(/Secure/i);
    const https = await signIn(post({ password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } }));
    expect(https.headers.getSetCookie().find((cookie) => cookie.startsWith('envelope_tracker_device='))).toMatch(
      /Secure/i,
    );
    // No device cookie for a wrong password.
    expect((await signIn(post({ password: 'nope' }))).headers.getSetCookie()).toEqual([]);
  });

  it('keeps signing in a browser with a device cookie while wrong passwords lock its shared address', async () => {
    // Everyone behind one proxy, or TRUSTED_PROXY_HOPS missing: one address for all.
    const { signIn } = await loadRoutes(protectedEnv);
    const SHARED = { address: '203.0.113.5' };
    const before = await signIn(post({ password: PASSWORD }, SHARED));
    const device = before.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('envelope_tracker_device='))!
      .split(';')[0]!;

    for (let guess = 1; guess <= 12; guess++) await signIn(post({ password: `guess ${guess}` }, SHARED));
    const locked = await signIn(post({ password: PASSWORD }, SHARED));
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.message).toMatch(/from your address/);

    const withDevice = await signIn(post({ password: PASSWORD }, { ...SHARED, headers: { cookie: device } }));
    expect(withDevice.status).toBe(200);
    expect(withDevice.headers.getSetCookie()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^envelope_tracker_session=v1\./),
        expect.stringContaining(device),
      ]),
    );
    // Next to other cookies, as browsers send them.
    const amongOthers = await signIn(
      post({ password: PASSWORD }, { ...SHARED, headers: { cookie: `theme=dark; ${device}; other=1` } }),
    );
    expect(amongOthers.status).toBe(200);
  });

  it('gives a forged, unsigned or foreign device cookie no exemption from the address lock', async () => {
    // A genuine device cookie of another server (another SESSION_SECRET).
    const { signIn: otherServer } = await loadRoutes({ ...protectedEnv, SESSION_SECRET: 'y'.repeat(40) });
    const foreign = (await otherServer(post({ password: PASSWORD }))).headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('envelope_tracker_device='))!
      .split(';')[0]!;

    const { signIn } = await loadRoutes(protectedEnv);
    const SHARED = { address: '203.0.113.6' };
    for (let guess = 1; guess <= 12; guess++) await signIn(post({ password: `guess ${guess}` }, SHARED));
    for (const cookie of [
      foreign,
      `envelope_tracker_device=d1.${'A'.repeat(22)}.${'B'.repeat(43)}`,
      'envelope_tracker_device=my-own-device-id',
      'envelope_tracker_device=',
    ]) {
      const response = await signIn(post({ password: PASSWORD }, { ...SHARED, headers: { cookie } }));
      expect(response.status, cookie).toBe(429);
    }
  });

  it('warns once in the log when sign-ins carry X-Forwarded-For while TRUSTED_PROXY_HOPS=0', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('envelope-tracker.missing-proxy-hops-warning')];
      const { signIn } = await loadRoutes(protectedEnv);
      const viaProxy = { address: '10.0.0.5', headers: { 'x-forwarded-for': '198.51.100.7' } };
      await signIn(post({ password: 'nope' }, viaProxy));
      await signIn(post({ password: 'nope' }, viaProxy));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/set TRUSTED_PROXY_HOPS to the number of proxies/);

      delete (globalThis as Record<symbol, unknown>)[Symbol.for('envelope-tracker.missing-proxy-hops-warning')];
      const { signIn: configured } = await loadRoutes({ ...protectedEnv, TRUSTED_PROXY_HOPS: '1' });
      await configured(post({ password: 'nope' }, viaProxy));
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('answers a plain form post (no JavaScript) with redirects', async () => {
    const { signIn } = await loadRoutes(protectedEnv);
    const ok = await signIn(post({ password: PASSWORD, next: '/setup' }, { form: true }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/setup');
    expect(ok.headers.get('set-cookie')).toMatch(/envelope_tracker_session=v1\./);
    const wrong = await signIn(post({ password: 'nope', next: '/setup' }, { form: true }));
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe('/sign-in?error=wrong_password&next=%2Fsetup');
  });

  it('says sign-in is off when no password is configured', async () => {
    const { signIn } = await loadRoutes({ ...protectedEnv, NODE_ENV: 'development', DASHBOARD_PASSWORD: undefined });
    const response = await signIn(post({ password: PASSWORD }));
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/Set DASHBOARD_PASSWORD/);
  });
});

describe('POST /api/auth/sign-out', () => {
  afterEach(() => {
    process.env = { ...saved };
  });

  it('clears the cookie; a form post lands on the sign-in page', async () => {
    const { signOut } = await loadRoutes({
      NODE_ENV: 'production',
      DASHBOARD_PASSWORD: PASSWORD,
      SESSION_SECRET: 'x'.repeat(40),
    });
    const json = await signOut(new Request('http://127.0.0.1:3000/api/auth/sign-out', { method: 'POST' }));
    expect(json.status).toBe(200);
    expect(json.headers.get('set-cookie')).toMatch(/envelope_tracker_session=;.*Max-Age=0/i);
    const form = await signOut(
      new Request('http://127.0.0.1:3000/api/auth/sign-out', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      }),
    );
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/sign-in');
  });
});
