import 'server-only';
import type { PresentedCredentials } from './authorize-request';
import type { Principal } from './principal';
import { readBearerToken } from './read-bearer-token';
import type { AuthConfig } from './resolve-auth-config';
import { safeEqual } from './safe-equal';
import { findSessionPrincipal } from './sessions/find-session-principal';
import { findTokenPrincipal } from './tokens/find-token-principal';

const LEGACY_TOKEN_PRINCIPAL: Principal = {
  kind: 'legacy-token',
  role: 'admin',
  userId: null,
  name: 'API_TOKEN',
  sessionId: null,
  tokenId: null,
  tokenName: null,
};

/**
 * Looks up what a request presents: a bearer token (a personal one, or the deprecated API_TOKEN) wins over a
 * session cookie, as scripts may carry both.
 */
export async function resolveRequestPrincipal({
  config,
  headers,
  sessionToken,
}: {
  config: Extract<AuthConfig, { mode: 'accounts' }>;
  headers: Headers;
  sessionToken: string | undefined;
}): Promise<PresentedCredentials> {
  const bearer = readBearerToken(headers);
  if (bearer !== null) {
    if (config.apiToken && safeEqual(bearer, config.apiToken))
      return { kind: 'bearer', principal: LEGACY_TOKEN_PRINCIPAL };
    return { kind: 'bearer', principal: await findTokenPrincipal({ token: bearer }) };
  }
  if (!sessionToken) return { kind: 'none' };
  return { kind: 'session', principal: await findSessionPrincipal({ token: sessionToken }) };
}
