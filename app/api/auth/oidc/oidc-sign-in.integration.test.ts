import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { startOidcProvider, type TestOidcProvider } from '@/app/testing/start-oidc-provider';
import { throughProxy } from '@/app/testing/through-proxy';

// Company SSO against a real OpenID provider in this process; sign-in required, as in production.
const PUBLIC_URL = 'http://localhost:3977';
const CLIENT = { clientId: 'tracker-test', clientSecret: 'tracker-test-secret-0123456789' };
const DOMAIN = `sso-${Date.now()}.example.com`;
const ACCOUNTS = {
  ana: { email: `ana@${DOMAIN}`, email_verified: true, name: 'Ana Admin', groups: ['tracker-admins'] },
  vic: { email: `vic@${DOMAIN}`, email_verified: true, name: 'Vic Viewer', groups: ['staff'] },
  eve: { email: 'eve@elsewhere.example', email_verified: true, name: 'Eve', groups: ['tracker-admins'] },
  una: { email: `una@${DOMAIN}`, email_verified: false, name: 'Una', groups: ['staff'] },
  lin: { email: `lin@${DOMAIN}`, email_verified: true, name: 'Lin', groups: ['tracker-ops'] },
  // A new hire given the address of someone who left, who signed in here through SSO before (another subject).
  newhire: { email: `left@${DOMAIN}`, email_verified: true, name: 'New Hire', groups: ['tracker-admins'] },
};

let provider: TestOidcProvider;
let routes: {
  start: (request: NextRequest) => Promise<Response>;
  callback: (request: NextRequest) => Promise<Response>;
};

beforeAll(async () => {
  provider = await startOidcProvider({
    ...CLIENT,
    redirectUris: [`${PUBLIC_URL}/api/auth/oidc/callback`],
    accounts: ACCOUNTS,
  });
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PUBLIC_URL,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    OIDC_ALLOWED_DOMAINS: DOMAIN,
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLE_MAP: 'tracker-admins=admin,tracker-ops=operator,staff=viewer',
  });
  routes = {
    start: (await import('./start/route')).GET,
    callback: (await import('./callback/route')).GET,
  };
});
afterAll(async () => {
  await provider.close();
});

/** Starts a sign-in as a browser would, lets the provider sign `account` in, and answers the callback URL and cookie. */
async function throughProvider(account: string, next = '/deliveries?hook=h1') {
  const started = await routes.start(
    new NextRequest(`${PUBLIC_URL}/api/auth/oidc/start?next=${encodeURIComponent(next)}`),
  );
  expect(started.status).toBe(303);
  const stateCookie = /envelope_tracker_oidc_state=([^;]+)/.exec(started.headers.get('set-cookie') ?? '')![1]!;
  const callbackUrl = await provider.signIn({ authorizationUrl: started.headers.get('location')!, account });
  return { callbackUrl, cookie: `envelope_tracker_oidc_state=${stateCookie}` };
}

const callback = (url: URL, cookie?: string) =>
  routes.callback(new NextRequest(url, { headers: cookie ? { cookie } : {} }));

describe('signing in through company SSO', () => {
  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const started = await routes.start(new NextRequest(`${PUBLIC_URL}/api/auth/oidc/start`));
    const location = new URL(started.headers.get('location')!);
    expect(location.origin + location.pathname).toMatch(new RegExp(`^${provider.issuer}`));
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('state')).toMatch(/.{20,}/);
    expect(location.searchParams.get('nonce')).toMatch(/.{20,}/);
    expect(location.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`);
    expect(started.headers.get('set-cookie')).toMatch(/envelope_tracker_oidc_state=.*HttpOnly.*SameSite=lax/i);
  });

  it('creates the user at first sign-in with the role its groups map to, signs them in, and audits it', async () => {
    const { callbackUrl, cookie } = await throughProvider('ana');
    const response = await callback(callbackUrl, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/deliveries?hook=h1');
    const session = /envelope_tracker_session=([A-Za-z0-9_-]{43})/.exec(response.headers.get('set-cookie') ?? '')![1]!;
    const user = await prisma.user.findUnique({ where: { email: ACCOUNTS.ana.email } });
    expect(user).toMatchObject({ role: 'admin', name: 'Ana Admin', oidcIssuer: provider.issuer, passwordHash: null });
    expect(
      await prisma.auditEntry.findFirst({ where: { action: 'auth.sign_in', actor: ACCOUNTS.ana.email } }),
    ).toMatchObject({
      detail: { method: 'oidc', role: 'admin', firstSignIn: true },
    });
    // The session opens an admin page through the proxy.
    const audit = await throughProxy({
      request: new NextRequest(`${PUBLIC_URL}/api/audit`, {
        headers: { cookie: `envelope_tracker_session=${session}` },
      }),
    });
    expect(audit.status).toBe(204);
  });

  it('refuses a replayed callback: the state is used once, whoever sends it', async () => {
    const { callbackUrl, cookie } = await throughProvider('vic');
    expect((await callback(callbackUrl, cookie)).headers.get('location')).toBe('/deliveries?hook=h1');
    const replay = await callback(callbackUrl, cookie);
    expect(replay.headers.get('location')).toBe('/sign-in?error=oidc_failed');
    expect(replay.headers.get('set-cookie') ?? '').not.toMatch(/envelope_tracker_session=[A-Za-z0-9_-]{43}/);
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const { callbackUrl } = await throughProvider('vic');
    expect((await callback(callbackUrl)).headers.get('location')).toBe('/sign-in?error=oidc_failed');
    const { callbackUrl: another } = await throughProvider('vic');
    const { cookie: mine } = await throughProvider('vic');
    expect((await callback(another, mine)).headers.get('location')).toBe('/sign-in?error=oidc_failed');
  });

  it('keeps out people outside the allowed domains and unverified e-mails, creating nobody', async () => {
    const eve = await throughProvider('eve');
    expect((await callback(eve.callbackUrl, eve.cookie)).headers.get('location')).toBe(
      '/sign-in?error=oidc_domain_not_allowed',
    );
    const una = await throughProvider('una');
    expect((await callback(una.callbackUrl, una.cookie)).headers.get('location')).toBe(
      '/sign-in?error=oidc_email_missing',
    );
    expect(await prisma.user.count({ where: { email: { in: [ACCOUNTS.eve.email, ACCOUNTS.una.email] } } })).toBe(0);
    expect(
      await prisma.auditEntry.findFirst({
        where: { action: 'auth.sign_in_failed', outcome: 'refused' },
        orderBy: { id: 'desc' },
      }),
    ).toMatchObject({ detail: { method: 'oidc', reason: 'oidc_email_missing' } });
  });

  it('keeps a disabled user out, and links an admin-made user by e-mail, the groups deciding the role', async () => {
    await prisma.user.update({ where: { email: ACCOUNTS.vic.email }, data: { disabled: true } });
    const vic = await throughProvider('vic');
    expect((await callback(vic.callbackUrl, vic.cookie)).headers.get('location')).toBe(
      '/sign-in?error=account_disabled',
    );
    await prisma.user.update({ where: { email: ACCOUNTS.vic.email }, data: { disabled: false, role: 'admin' } });
    const again = await throughProvider('vic');
    expect((await callback(again.callbackUrl, again.cookie)).status).toBe(303);
    expect((await prisma.user.findUnique({ where: { email: ACCOUNTS.vic.email } }))?.role).toBe('viewer');

    const { createUser } = await import('@/app/lib/auth/users/create-user');
    const made = await createUser({ email: ACCOUNTS.lin.email, role: 'admin', password: 'a password of lin 123' });
    if (!made.ok) throw new Error(made.message);
    const lin = await throughProvider('lin');
    expect((await callback(lin.callbackUrl, lin.cookie)).status).toBe(303);
    expect(await prisma.user.findUnique({ where: { id: made.user.id } })).toMatchObject({
      oidcSubject: 'lin',
      role: 'operator',
    });
    expect(await prisma.user.count({ where: { email: ACCOUNTS.lin.email } })).toBe(1);
  });

  it("never hands a former colleague's account to a new company identity with the same e-mail", async () => {
    const { createUser } = await import('@/app/lib/auth/users/create-user');
    const made = await createUser({ email: ACCOUNTS.newhire.email, role: 'admin', password: null });
    if (!made.ok) throw new Error(made.message);
    await prisma.user.update({
      where: { id: made.user.id },
      data: { oidcIssuer: provider.issuer, oidcSubject: 'someone-who-left' },
    });
    const newhire = await throughProvider('newhire');
    expect((await callback(newhire.callbackUrl, newhire.cookie)).headers.get('location')).toBe(
      '/sign-in?error=oidc_account_conflict',
    );
    expect(await prisma.userSession.count({ where: { userId: made.user.id } })).toBe(0);
    expect((await prisma.user.findUnique({ where: { id: made.user.id } }))?.oidcSubject).toBe('someone-who-left');
  });
});
