import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';
import { seedUser } from '@/app/testing/seed-user';
import { throughProxy } from '@/app/testing/through-proxy';

// This file's own configuration, set before anything reads it: sign-in required, the deprecated shared password
// and token still set.
Object.assign(process.env, { NODE_ENV: 'production' });
process.env.DASHBOARD_PASSWORD = 'legacy-password-correct';
process.env.API_TOKEN = 'legacy-api-token-0123456789';
process.env.PUBLIC_URL = 'http://localhost';

const PASSWORD = 'a correct horse battery';

function post(
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; address?: string; form?: boolean } = {},
) {
  const { form = false } = options;
  return new NextRequest(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      [PEER_ADDRESS_HEADER]: options.address ?? '198.51.100.23',
      'user-agent': 'sign-in-test',
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...options.headers,
    },
    body: form
      ? new URLSearchParams(options.body as Record<string, string>).toString()
      : JSON.stringify(options.body ?? {}),
  });
}

const routes = async () => ({
  signIn: (await import('./route')).POST,
  signOut: (await import('../sign-out/route')).POST,
});

const newest = (action: string, actor: string) =>
  prisma.auditEntry.findFirst({ where: { action, actor }, orderBy: { id: 'desc' } });

describe('signing in with an e-mail and password', () => {
  it('sets an HttpOnly, SameSite=Lax cookie whose session lives in the database, and audits it', async () => {
    const { signIn } = await routes();
    const { email, user } = await seedUser({ role: 'operator', password: PASSWORD });
    const response = await signIn(
      post('/api/auth/sign-in', {
        body: { email: email.toUpperCase(), password: PASSWORD, next: '/deliveries?hook=a' },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, next: '/deliveries?hook=a', mustChangePassword: false });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^envelope_tracker_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(Number(/Max-Age=(\d+)/.exec(setCookie)?.[1])).toBeGreaterThan(2_591_000);
    const token = /envelope_tracker_session=([^;]+)/.exec(setCookie)![1]!;
    // Only the hash is stored: the cookie's value is nowhere in the table.
    const sessions = await prisma.userSession.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect(await newest('auth.sign_in', email)).toMatchObject({ actorKind: 'session', outcome: 'success' });
    expect((await prisma.user.findUnique({ where: { id: user.id } }))?.lastSignInAt).not.toBeNull();

    // The session opens the API through the proxy, as this operator.
    const reading = await throughProxy({
      request: new NextRequest('http://localhost/api/deliveries', {
        headers: { cookie: `envelope_tracker_session=${token}` },
      }),
    });
    expect(reading.status).toBe(204);
  });

  it('answers 401 alike for a wrong password and an unknown e-mail, and records the attempt under the account tried', async () => {
    const { signIn } = await routes();
    const { email } = await seedUser({ role: 'viewer', password: PASSWORD });
    const wrong = await signIn(
      post('/api/auth/sign-in', { body: { email, password: 'not-the-password' }, address: '198.51.100.40' }),
    );
    const unknown = await signIn(
      post('/api/auth/sign-in', {
        body: { email: 'nobody@example.com', password: PASSWORD },
        address: '198.51.100.40',
      }),
    );
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.json()).toEqual({
        error: { code: 'wrong_password', message: 'Wrong e-mail address or password. Try again.' },
      });
    }
    expect(await newest('auth.sign_in_failed', email)).toMatchObject({
      outcome: 'failure',
      detail: { reason: 'wrong_password' },
    });
    const stored = JSON.stringify(await prisma.auditEntry.findMany({ where: { action: 'auth.sign_in_failed' } }));
    expect(stored).not.toContain('not-the-password');
  });

  it('keeps a DASHBOARD_PASSWORD sign-in without an e-mail working, as the admin made from it', async () => {
    const { ensureFirstAdmin } = await import('@/app/lib/auth/users/ensure-first-admin');
    const { createUser } = await import('@/app/lib/auth/users/create-user');
    // Another test file may have made users first: make the legacy admin as the first start would.
    if (!(await prisma.user.findFirst({ where: { legacyAdmin: true } }))) {
      const outcome = await ensureFirstAdmin({ dashboardPassword: 'legacy-password-correct' });
      if (outcome.created === null)
        await createUser({
          email: 'admin@localhost',
          role: 'admin',
          password: 'legacy-password-correct',
          legacyAdmin: true,
        });
    }
    const { signIn } = await routes();
    const response = await signIn(
      post('/api/auth/sign-in', { body: { password: 'legacy-password-correct' }, address: '198.51.100.41' }),
    );
    expect(response.status).toBe(200);
    expect(await newest('auth.sign_in', 'admin@localhost')).not.toBeNull();
  });

  it('refuses a disabled account after the right password, saying whom to ask', async () => {
    const { signIn } = await routes();
    const { email, user } = await seedUser({ role: 'viewer', password: PASSWORD });
    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    const response = await signIn(
      post('/api/auth/sign-in', { body: { email, password: PASSWORD }, address: '198.51.100.42' }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('account_disabled');
  });

  it('sends a user with a one-time password to change it first', async () => {
    const { signIn } = await routes();
    const { createUser } = await import('@/app/lib/auth/users/create-user');
    const created = await createUser({
      email: `one-time-${Date.now()}@example.com`,
      role: 'viewer',
      password: 'generate',
    });
    if (!created.ok) throw new Error(created.message);
    const response = await signIn(
      post('/api/auth/sign-in', {
        body: { email: created.user.email, password: created.oneTimePassword },
        address: '198.51.100.43',
      }),
    );
    expect(await response.json()).toMatchObject({ next: '/account?change-password=1', mustChangePassword: true });
    const cookie = /envelope_tracker_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];

    // Until the password is changed, only the Account page is open: pages lead there, the API refuses.
    const page = await throughProxy({
      request: new NextRequest('http://localhost/deliveries', { headers: { cookie } }),
    });
    expect(page.headers.get('location')).toMatch(/\/account\?change-password=1$/);
    const api = await throughProxy({
      request: new NextRequest('http://localhost/api/envelopes', { headers: { cookie } }),
    });
    expect(api.status).toBe(403);
    expect((await api.json()).error.code).toBe('password_change_required');
    const { POST: changePassword } = await import('@/app/api/account/password/route');
    const changed = await throughProxy({
      request: new NextRequest('http://localhost/api/account/password', {
        method: 'POST',
        headers: { cookie, origin: 'http://localhost', host: 'localhost' },
        body: JSON.stringify({ currentPassword: created.oneTimePassword, newPassword: 'my own new password' }),
      }),
      handler: changePassword as never,
    });
    expect(changed.status).toBe(200);
    const after = await throughProxy({
      request: new NextRequest('http://localhost/api/envelopes', { headers: { cookie } }),
    });
    expect(after.status).toBe(204);
  });

  it('answers a plain form post (no JavaScript) with redirects', async () => {
    const { signIn } = await routes();
    const { email } = await seedUser({ role: 'viewer', password: PASSWORD });
    const good = await signIn(
      post('/api/auth/sign-in', {
        form: true,
        body: { email, password: PASSWORD, next: '/insights' },
        address: '198.51.100.44',
      }),
    );
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/insights');
    const bad = await signIn(
      post('/api/auth/sign-in', {
        form: true,
        body: { email, password: 'nope', next: '/insights' },
        address: '198.51.100.44',
      }),
    );
    expect(bad.headers.get('location')).toBe('/sign-in?error=wrong_password&next=%2Finsights');
  });

  it('signs out: the session row goes, so the old cookie opens nothing anywhere; only a real sign-out is audited', async () => {
    const { signOut } = await routes();
    const person = await seedUser({ role: 'viewer' });
    const { cookie } = await person.signIn();
    expect((await signOut(post('/api/auth/sign-out'))).status).toBe(200);
    expect(await newest('auth.sign_out', person.email)).toBeNull();
    const response = await signOut(post('/api/auth/sign-out', { headers: { cookie } }));
    expect(response.headers.get('set-cookie')).toMatch(/envelope_tracker_session=;.*Max-Age=0/i);
    expect(await newest('auth.sign_out', person.email)).toMatchObject({ actorKind: 'session' });
    const after = await throughProxy({
      request: new NextRequest('http://localhost/api/deliveries', { headers: { cookie } }),
    });
    expect(after.status).toBe(401);
  });
});
