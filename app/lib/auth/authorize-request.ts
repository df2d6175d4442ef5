import { isSameOriginRequest } from './check-origin';
import { isPublicPath, isSessionEndpoint, SIGN_IN_PATH } from './is-public-path';
import { readBearerToken } from './read-bearer-token';
import type { AuthConfig } from './resolve-auth-config';
import { safeEqual } from './safe-equal';
import { isHttpsRequest, sessionCookie, type SessionCookie } from './session-cookie';
import { renewSessionToken, verifySessionToken } from './session-token';

export type AuthorizeDecision =
  | { action: 'allow'; renewedCookie: SessionCookie | null }
  /** A relative URL: the sign-in page with `next`. */
  | { action: 'redirect'; location: string }
  | { action: 'deny'; status: 401 | 403 | 503; code: string; message: string; api: boolean };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALLOW: AuthorizeDecision = { action: 'allow', renewedCookie: null };

/**
 * What proxy.ts does with one request: let it through (renewing a session that is due), send a
 * page visitor to the sign-in page, or refuse in the API's error shape. Pure, for unit tests.
 */
export function authorizeRequest({
  config,
  method,
  url,
  headers,
  sessionToken,
  publicFiles,
  now = new Date(),
}: {
  config: AuthConfig;
  method: string;
  url: string;
  headers: Headers;
  sessionToken: string | undefined;
  publicFiles?: ReadonlySet<string>;
  now?: Date;
}): AuthorizeDecision {
  const { pathname, search } = new URL(url);
  const api = pathname === '/api' || pathname.startsWith('/api/');
  const stateChanging = !SAFE_METHODS.has(method.toUpperCase());
  const deny = (status: 401 | 403 | 503, code: string, message: string): AuthorizeDecision => ({
    action: 'deny',
    status,
    code,
    message,
    api,
  });

  if (isPublicPath(pathname, publicFiles)) {
    // Public, yet a page of another site must not sign a visitor in (or out) behind their back.
    if (config.mode === 'password' && stateChanging && isSessionEndpoint(pathname)) {
      const sameOrigin = isSameOriginRequest({ headers, ...originSettings(config), allowMissing: true });
      if (!sameOrigin) return deny(403, 'forbidden_origin', FOREIGN_ORIGIN_MESSAGE);
    }
    return ALLOW;
  }
  if (config.mode === 'open') {
    // Open or not, a page of another site must not change anything through a visitor's browser (the
    // proxy in front may well authenticate that browser by a cookie of its own). Scripts send no
    // Origin and pass; webhooks and the sandbox API are public paths and never get here.
    if (stateChanging && !isSameOriginRequest({ headers, ...originSettings(config), allowMissing: true }))
      return deny(403, 'forbidden_origin', FOREIGN_ORIGIN_MESSAGE_OPEN);
    return ALLOW;
  }
  if (config.mode === 'misconfigured') return deny(503, 'sign_in_misconfigured', config.problem);

  const bearer = readBearerToken(headers);
  if (bearer !== null) {
    if (!config.apiToken)
      return deny(
        401,
        'unauthorized',
        'Bearer tokens are not accepted because API_TOKEN is not set on the server. Set API_TOKEN, or sign in at /sign-in.',
      );
    if (!safeEqual(bearer, config.apiToken))
      return deny(401, 'unauthorized', 'The bearer token does not match API_TOKEN. Check the token and try again.');
    // A script holding the token is not a browser that another site could steer: no Origin check.
    return ALLOW;
  }

  const session = verifySessionToken({ key: config.sessionKey, token: sessionToken, now });
  if (!session) {
    if (!api && !stateChanging) {
      const next = `${pathname}${search}`;
      return {
        action: 'redirect',
        location: next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`,
      };
    }
    return deny(
      401,
      'unauthorized',
      sessionToken
        ? 'Your session has ended. Sign in again at /sign-in.'
        : 'Sign in at /sign-in first, or send "Authorization: Bearer <API_TOKEN>" from scripts.',
    );
  }

  if (stateChanging && !isSameOriginRequest({ headers, ...originSettings(config) }))
    return deny(403, 'forbidden_origin', FOREIGN_ORIGIN_MESSAGE);

  const renewed = renewSessionToken({ key: config.sessionKey, session, now });
  if (!renewed) return ALLOW;
  const secure = isHttpsRequest({ url, headers, publicUrl: config.publicUrl });
  return { action: 'allow', renewedCookie: sessionCookie({ ...renewed, secure, now }) };
}

const FOREIGN_ORIGIN_MESSAGE =
  'This request did not come from a page of this app (its Origin header names another site), so it was refused. Use the dashboard itself; scripts send "Authorization: Bearer <API_TOKEN>" instead of a session cookie. Behind a proxy that changes the host, set PUBLIC_URL.';

const FOREIGN_ORIGIN_MESSAGE_OPEN =
  'This request did not come from a page of this app (its Origin header names another site), so it was refused. Use the dashboard itself; scripts may call the API without an Origin header. Behind a proxy that changes the host, set PUBLIC_URL (and TRUSTED_PROXY_HOPS).';

function originSettings(config: Extract<AuthConfig, { mode: 'password' | 'open' }>) {
  return { publicUrl: config.publicUrl, trustedProxyHops: config.trustedProxyHops };
}
