import * as client from 'openid-client';
import { sanitizeNextPath } from '../sanitize-next-path';
import { discoverOidcProvider } from './discover-oidc-provider';
import type { OidcSettings } from './oidc-settings';

/**
 * What the callback must match, kept server-side for one use: `state` ties the callback to this browser's start,
 * `nonce` ties the id token to it, and the PKCE verifier proves that whoever redeems the code started the sign-in.
 */
export type OidcChallenge = {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go once signed in: a path of this app (see sanitizeNextPath). */
  next: string;
  /** Epoch milliseconds; a number so that it survives JSON storage unchanged. */
  createdAt: number;
};

/** Longer than any provider's sign-in page needs, short enough that a stolen challenge soon stops working. */
export const OIDC_CHALLENGE_MAX_AGE_MS = 10 * 60 * 1000;

/** Starts a sign-in with the company provider: where to send the browser, and what to keep for the callback. */
export async function beginOidcSignIn({
  settings,
  next,
  now = new Date(),
}: {
  settings: OidcSettings;
  next?: string | null;
  now?: Date;
}): Promise<{ authorizationUrl: string; challenge: OidcChallenge }> {
  const config = await discoverOidcProvider({ settings });
  const codeVerifier = client.randomPKCECodeVerifier();
  const challenge: OidcChallenge = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    next: sanitizeNextPath(next),
    createdAt: now.getTime(),
  };
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: challenge.state,
    nonce: challenge.nonce,
  });
  return { authorizationUrl: authorizationUrl.href, challenge };
}
