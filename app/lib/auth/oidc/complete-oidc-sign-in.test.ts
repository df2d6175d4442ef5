import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '@/app/testing/start-oidc-provider';
import { beginOidcSignIn } from './begin-oidc-sign-in';
import { completeOidcSignIn } from './complete-oidc-sign-in';
import type { OidcSettings } from './oidc-settings';

const CLIENT = { clientId: 'envelope-tracker', clientSecret: 'client-secret-for-tests' };
const REDIRECT_URI = 'http://localhost:3000/api/auth/oidc/callback';
const ACCOUNTS = {
  ana: { email: 'Ana@Example.com', email_verified: true, name: 'Ana Pop', groups: ['staff', 'tracker-admins'] },
  bob: { email: 'bob@example.com', email_verified: true, groups: ['staff'] },
  olga: { email: 'olga@example.com', groups: 'tracker-ops' },
  eve: { email: 'eve@elsewhere.org', email_verified: true, groups: ['tracker-admins'] },
  una: { email: 'una@example.com', email_verified: false, groups: ['staff'] },
  nomail: { name: 'No Mail', groups: ['staff'] },
  guest: { email: 'guest@example.com', email_verified: true, groups: ['visitors'] },
};

let provider: TestOidcProvider;
const started: TestOidcProvider[] = [];

async function start(options: Partial<Parameters<typeof startOidcProvider>[0]> = {}) {
  const oidc = await startOidcProvider({ ...CLIENT, redirectUris: [REDIRECT_URI], accounts: ACCOUNTS, ...options });
  started.push(oidc);
  return oidc;
}

beforeAll(async () => {
  provider = await start();
});

afterAll(async () => {
  await Promise.all(started.map((oidc) => oidc.close()));
});

function settingsFor(issuer: string, overrides: Partial<OidcSettings> = {}): OidcSettings {
  return {
    issuer,
    ...CLIENT,
    allowedDomains: ['example.com'],
    roleClaim: 'groups',
    roleMap: new Map([
      ['tracker-admins', 'admin'],
      ['tracker-ops', 'operator'],
      ['staff', 'viewer'],
    ]),
    defaultRole: 'viewer',
    displayName: 'Example SSO',
    redirectUri: REDIRECT_URI,
    ...overrides,
  };
}

/** Starts a sign-in as the app would and lets the provider sign `account` in: the callback and what the app kept. */
async function signInAt(oidc: TestOidcProvider, account: string, settings = settingsFor(oidc.issuer)) {
  const { authorizationUrl, challenge } = await beginOidcSignIn({ settings, next: '/deliveries?hook=h1' });
  const callbackUrl = await oidc.signIn({ authorizationUrl, account });
  return { settings, authorizationUrl, challenge, callbackUrl };
}

describe('completeOidcSignIn against a real OpenID provider', () => {
  it('signs a person in through the code flow with PKCE and maps their groups to the highest role', async () => {
    const { settings, authorizationUrl, challenge, callbackUrl } = await signInAt(provider, 'ana');
    const asked = new URL(authorizationUrl).searchParams;
    expect(Object.fromEntries(asked)).toMatchObject({
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      state: challenge.state,
      nonce: challenge.nonce,
    });
    expect(asked.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(challenge.next).toBe('/deliveries?hook=h1');
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();

    const result = await completeOidcSignIn({ settings, callbackUrl, challenge });
    expect(result).toEqual({
      ok: true,
      identity: {
        subject: 'ana',
        issuer: provider.issuer,
        email: 'ana@example.com',
        name: 'Ana Pop',
        role: 'admin',
        emailVerified: true,
      },
    });
  });

  it('maps a single string claim value and falls back to the e-mail address for the name', async () => {
    const { settings, challenge, callbackUrl } = await signInAt(provider, 'olga');
    // No email_verified claim at all (as with Microsoft Entra) is not "unverified".
    expect(await completeOidcSignIn({ settings, callbackUrl, challenge })).toEqual({
      ok: true,
      identity: expect.objectContaining({
        email: 'olga@example.com',
        name: 'olga@example.com',
        role: 'operator',
        emailVerified: null,
      }),
    });
  });

  it('refuses a provider whose discovery document names another issuer', async () => {
    const impostor = await start({ claimedIssuerPath: '/other' });
    expect(impostor.issuer).toBe(`${impostor.baseUrl}/other`);
    const settings = settingsFor(impostor.baseUrl);
    await expect(beginOidcSignIn({ settings })).rejects.toThrow(/issuer/);
    const { challenge } = await signInAt(provider, 'ana');
    const result = await completeOidcSignIn({
      settings,
      callbackUrl: new URL(`${REDIRECT_URI}?code=abc&state=${challenge.state}`),
      challenge,
    });
    expect(result).toMatchObject({ ok: false, code: 'oidc_failed', detail: expect.stringMatching(/issuer/) });
  });

  it('refuses an answer that names another issuer (mix-up)', async () => {
    const { settings, challenge, callbackUrl } = await signInAt(provider, 'ana');
    callbackUrl.searchParams.set('iss', 'https://evil.example');
    const result = await completeOidcSignIn({ settings, callbackUrl, challenge });
    expect(result).toMatchObject({ ok: false, code: 'oidc_failed', detail: expect.stringMatching(/iss/) });
  });

  it('refuses a callback whose state belongs to another sign-in, without spending its code', async () => {
    const first = await signInAt(provider, 'ana');
    const other = await beginOidcSignIn({ settings: first.settings });
    const crossed = await completeOidcSignIn({
      settings: first.settings,
      callbackUrl: first.callbackUrl,
      challenge: other.challenge,
    });
    expect(crossed).toMatchObject({ ok: false, code: 'oidc_failed', detail: expect.stringMatching(/state/) });
    // The wrong challenge's PKCE verifier never reached the provider: the right one still redeems the code.
    expect(await completeOidcSignIn(first)).toMatchObject({ ok: true });
  });

  it('refuses the same authorization code twice', async () => {
    const attempt = await signInAt(provider, 'bob');
    expect(await completeOidcSignIn(attempt)).toMatchObject({ ok: true, identity: { role: 'viewer' } });
    const replayed = await completeOidcSignIn(attempt);
    expect(replayed).toMatchObject({ ok: false, code: 'oidc_failed', detail: expect.stringMatching(/invalid_grant/) });
    expect(replayed.ok === false && replayed.message).not.toContain(attempt.callbackUrl.searchParams.get('code'));
  });

  it('refuses a code redeemed without the PKCE verifier that started it', async () => {
    const attempt = await signInAt(provider, 'bob');
    const other = await beginOidcSignIn({ settings: attempt.settings });
    const result = await completeOidcSignIn({
      ...attempt,
      challenge: { ...attempt.challenge, codeVerifier: other.challenge.codeVerifier },
    });
    expect(result).toMatchObject({ ok: false, code: 'oidc_failed', detail: expect.stringMatching(/invalid_grant/) });
  });

  it('refuses an expired id token', async () => {
    const shortLived = await start({ idTokenTtlSeconds: 1 });
    const attempt = await signInAt(shortLived, 'ana');
    // Two minutes on: past the token's second of life and openid-client's 30 s tolerance, within the challenge's age.
    const result = await completeOidcSignIn({ ...attempt, now: new Date(Date.now() + 120_000) });
    expect(result).toMatchObject({ ok: false, code: 'oidc_failed', detail: expect.stringMatching(/"exp"/) });
  });

  it('refuses a sign-in that took too long', async () => {
    const attempt = await signInAt(provider, 'ana');
    const result = await completeOidcSignIn({ ...attempt, now: new Date(attempt.challenge.createdAt + 11 * 60_000) });
    expect(result).toMatchObject({ ok: false, code: 'oidc_expired' });
  });

  it('reports a refusal by the provider', async () => {
    const attempt = await signInAt(provider, 'nobody');
    expect(attempt.callbackUrl.searchParams.get('error')).toBe('access_denied');
    const result = await completeOidcSignIn(attempt);
    expect(result).toMatchObject({ ok: false, code: 'oidc_failed', message: expect.stringMatching(/administrator/) });
  });

  it('refuses people outside the allowed domains', async () => {
    const result = await completeOidcSignIn(await signInAt(provider, 'eve'));
    expect(result).toMatchObject({
      ok: false,
      code: 'oidc_domain_not_allowed',
      message: expect.stringContaining('elsewhere.org'),
    });
  });

  it('lets in any domain when none is listed', async () => {
    const settings = settingsFor(provider.issuer, { allowedDomains: [] });
    const result = await completeOidcSignIn(await signInAt(provider, 'eve', settings));
    expect(result).toMatchObject({ ok: true, identity: { email: 'eve@elsewhere.org', role: 'admin' } });
  });

  it('refuses an unverified or missing e-mail address', async () => {
    expect(await completeOidcSignIn(await signInAt(provider, 'una'))).toMatchObject({
      ok: false,
      code: 'oidc_email_missing',
    });
    expect(await completeOidcSignIn(await signInAt(provider, 'nomail'))).toMatchObject({
      ok: false,
      code: 'oidc_email_missing',
      detail: 'no email claim',
    });
  });

  it('gives the default role to people no mapping names, and none when the default is none', async () => {
    expect(await completeOidcSignIn(await signInAt(provider, 'guest'))).toMatchObject({
      ok: true,
      identity: { role: 'viewer' },
    });
    const mappedOnly = settingsFor(provider.issuer, { defaultRole: 'none' });
    expect(await completeOidcSignIn(await signInAt(provider, 'guest', mappedOnly))).toMatchObject({
      ok: false,
      code: 'oidc_role_not_granted',
      message: expect.stringMatching(/Ask your administrator/),
    });
    expect(await completeOidcSignIn(await signInAt(provider, 'ana', mappedOnly))).toMatchObject({
      ok: true,
      identity: { role: 'admin' },
    });
  });

  it('reads the claims from userinfo when the id token leaves them out', async () => {
    const conforming = await start({ claimsInIdToken: false });
    const result = await completeOidcSignIn(await signInAt(conforming, 'ana'));
    expect(result).toMatchObject({ ok: true, identity: { email: 'ana@example.com', name: 'Ana Pop', role: 'admin' } });
  });

  it('signs in the account chosen with setNextAccount when the request names nobody', async () => {
    const settings = settingsFor(provider.issuer);
    const { authorizationUrl, challenge } = await beginOidcSignIn({ settings });
    provider.setNextAccount('bob');
    try {
      const callbackUrl = await provider.signIn({ authorizationUrl });
      expect(await completeOidcSignIn({ settings, callbackUrl, challenge })).toMatchObject({
        ok: true,
        identity: { subject: 'bob' },
      });
    } finally {
      provider.setNextAccount(null);
    }
  });
});
