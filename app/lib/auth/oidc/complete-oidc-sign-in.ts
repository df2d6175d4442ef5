import * as client from 'openid-client';
import { z } from 'zod';
import type { Role } from '../roles';
import { OIDC_CHALLENGE_MAX_AGE_MS, type OidcChallenge } from './begin-oidc-sign-in';
import { discoverOidcProvider } from './discover-oidc-provider';
import { mapOidcRole } from './map-oidc-role';
import type { OidcSettings } from './oidc-settings';

/** Who the provider vouched for, and the role their claims grant. */
export type OidcIdentity = {
  /** The provider's stable id for the person (`sub`); with `issuer`, what a user record should be keyed by. */
  subject: string;
  issuer: string;
  /** Lower-case. */
  email: string;
  /** The name to show; the e-mail address when the provider gives none. */
  name: string;
  role: Role;
  /** The provider said the e-mail is verified (`email_verified: true`); null: it did not say (Entra ID never does). */
  emailVerified: boolean | null;
};

export type OidcFailureCode =
  'oidc_failed' | 'oidc_expired' | 'oidc_email_missing' | 'oidc_domain_not_allowed' | 'oidc_role_not_granted';

export type OidcSignInResult =
  | { ok: true; identity: OidcIdentity }
  | {
      ok: false;
      code: OidcFailureCode;
      /** For the person at the sign-in page: what happened and what to do. */
      message: string;
      /** For logs and the audit trail: why, without tokens. */
      detail?: string;
    };

// The challenge comes back from wherever the caller kept it: checked, so that a damaged one fails the sign-in.
const challengeSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  next: z.string(),
  createdAt: z.number().finite(),
});

const claimsSchema = z.looseObject({
  sub: z.string().min(1),
  iss: z.string().min(1),
  email: z.string().optional(),
  email_verified: z.unknown().optional(),
  name: z.string().optional(),
});

const EMAIL = /^[^@\s]+@([^@\s]+)$/;
const MAX_NAME_CHARS = 200;

/**
 * Finishes a sign-in at the callback: checks the provider's answer against the challenge kept by beginOidcSignIn
 * (state, PKCE, nonce), redeems the code, checks the id token (issuer, audience, signature, expiry) and then whether
 * this person may enter: a verified e-mail address in an allowed domain and a role. Never throws for a bad answer.
 * `now` is when the id token is checked (tests move it to see an expired one).
 */
export async function completeOidcSignIn({
  settings,
  callbackUrl,
  challenge,
  now = new Date(),
}: {
  settings: OidcSettings;
  callbackUrl: URL;
  challenge: OidcChallenge;
  now?: Date;
}): Promise<OidcSignInResult> {
  const provider = settings.displayName;
  const tryAgain = `Signing in with your ${provider} did not work. Go back to the sign-in page and try again; if it keeps failing, ask your administrator to check the SSO settings.`;

  const checked = challengeSchema.safeParse(challenge);
  if (!checked.success)
    return { ok: false, code: 'oidc_failed', message: tryAgain, detail: 'the stored sign-in challenge is malformed' };
  const age = now.getTime() - checked.data.createdAt;
  if (age > OIDC_CHALLENGE_MAX_AGE_MS || age < -60_000)
    return {
      ok: false,
      code: 'oidc_expired',
      message: `The sign-in took too long. Go back to the sign-in page and sign in with your ${provider} again.`,
      detail: `the sign-in challenge is ${Math.round(age / 1000)} s old`,
    };

  let claims: Record<string, unknown>;
  try {
    const config = await discoverOidcProvider({
      settings,
      clockSkewSeconds: Math.round((now.getTime() - Date.now()) / 1000),
    });
    // The provider's parameters on the address registered with it: behind a proxy, the request's own URL may name an
    // internal host, and the token request must repeat the redirect_uri exactly.
    const redeemAt = new URL(settings.redirectUri);
    redeemAt.search = callbackUrl.search;
    const tokens = await client.authorizationCodeGrant(config, redeemAt, {
      pkceCodeVerifier: checked.data.codeVerifier,
      expectedState: checked.data.state,
      expectedNonce: checked.data.nonce,
      idTokenExpected: true,
    });
    claims = { ...tokens.claims() };
    const idToken = claimsSchema.parse(claims);
    // Some providers put profile claims only in the userinfo answer (as the specification prefers): ask when missing.
    const needsUserInfo =
      idToken.email === undefined || (settings.roleClaim !== null && !hasClaim(claims, settings.roleClaim));
    if (needsUserInfo && config.serverMetadata().userinfo_endpoint) {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      // The id token's own claims win: it is signed, the userinfo answer only came over TLS.
      claims = { ...userInfo, ...claims };
    }
  } catch (error) {
    return failure(error, provider, tryAgain);
  }

  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success)
    return { ok: false, code: 'oidc_failed', message: tryAgain, detail: 'the id token lacks sub or iss' };
  const { sub, iss, email_verified } = parsed.data;
  const email = parsed.data.email?.trim().toLowerCase();
  const domain = email ? EMAIL.exec(email)?.[1] : undefined;
  if (!email || !domain || email_verified === false || email_verified === 'false')
    return {
      ok: false,
      code: 'oidc_email_missing',
      message: `Your ${provider} did not give this app a verified e-mail address. Ask your administrator to add a verified e-mail address to your account (and the email scope to this app), then sign in again.`,
      detail: email ? `e-mail ${email} is not verified` : 'no email claim',
    };
  if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domain))
    return {
      ok: false,
      code: 'oidc_domain_not_allowed',
      message: `Addresses at ${domain} may not sign in here. Sign in with your work account${settings.allowedDomains.length === 1 ? ` (…@${settings.allowedDomains[0]})` : ''}, or ask your administrator to allow your domain.`,
      detail: `${email} is outside ${settings.allowedDomains.join(', ')}`,
    };

  const role = mapOidcRole({
    claims,
    roleClaim: settings.roleClaim,
    roleMap: settings.roleMap,
    defaultRole: settings.defaultRole,
  });
  if (!role)
    return {
      ok: false,
      code: 'oidc_role_not_granted',
      message: `You signed in as ${email}, but your account has no access to this app. Ask your administrator to add you to one of its groups.`,
      detail: `no value of ${settings.roleClaim ?? 'the role claim'} is in OIDC_ROLE_MAP and OIDC_DEFAULT_ROLE=none`,
    };

  const name = parsed.data.name?.trim().slice(0, MAX_NAME_CHARS) || email;
  const emailVerified = email_verified === true || email_verified === 'true' ? true : null;
  return { ok: true, identity: { subject: sub, issuer: iss, email, name, role, emailVerified } };
}

function failure(error: unknown, provider: string, tryAgain: string): Extract<OidcSignInResult, { ok: false }> {
  if (error instanceof client.AuthorizationResponseError) {
    // The provider answered the browser with an error (the person cancelled, or the app is not assigned to them).
    const message =
      error.error === 'access_denied'
        ? `Your ${provider} did not let you sign in here (the sign-in was cancelled or refused). If you should have access, ask your administrator.`
        : tryAgain;
    return { ok: false, code: 'oidc_failed', message, detail: `the provider answered ${error.error}` };
  }
  if (error instanceof client.ResponseBodyError)
    return {
      ok: false,
      code: 'oidc_failed',
      message: tryAgain,
      detail: `the provider refused the code: ${error.error}`,
    };
  return { ok: false, code: 'oidc_failed', message: tryAgain, detail: describeError(error) };
}

/**
 * openid-client wraps the specific reason (`unexpected JWT "exp" … claim value`) in a generic message: both are kept.
 * Only messages, never the errors' attached claims or bodies, which may hold tokens.
 */
function describeError(error: unknown): string {
  const messages: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 3; current = current.cause, depth++) {
    const code = 'code' in current && typeof current.code === 'string' ? `${current.code}: ` : '';
    messages.push(`${code}${current.message}`);
  }
  return messages.length > 0 ? messages.join(' / ') : String(error);
}

/** Whether the claim, or the object a dotted claim name starts in (`realm_access` of `realm_access.roles`), is there. */
function hasClaim(claims: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(claims, name) || Object.hasOwn(claims, name.split('.')[0]!);
}
