import { isSameOriginRequest } from './check-origin';
import { isPublicPath, isSessionEndpoint, SIGN_IN_PATH } from './is-public-path';
import type { Principal } from './principal';
import type { AuthConfig } from './resolve-auth-config';
import { roleAtLeast } from './roles';
import { requiredAccess } from './route-access';

export type AuthorizeDecision =
  /** `principal`: whom the request acts as (null on public paths). */
  | { action: 'allow'; principal: Principal | null; deprecatedToken: boolean }
  /** A relative URL: the sign-in page with `next`. */
  | { action: 'redirect'; location: string }
  | { action: 'deny'; status: 401 | 403 | 503; code: string; message: string; api: boolean };

/** What the request showed to prove who it is, already looked up (resolve-request-principal.ts). */
export type PresentedCredentials =
  { kind: 'none' } | { kind: 'bearer'; principal: Principal | null } | { kind: 'session'; principal: Principal | null };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What proxy.ts does with one request: let it through as someone, send a page visitor to the sign-in page, or
 * refuse in the API's error shape. The role a path needs comes from the one table in route-access.ts. Pure: the
 * database look-ups happen before (see needsCredentials), so this is unit-tested on its own.
 */
export function authorizeRequest({
  config,
  method,
  url,
  headers,
  credentials,
  publicFiles,
  proxyUserName = null,
}: {
  config: AuthConfig;
  method: string;
  url: string;
  headers: Headers;
  credentials: PresentedCredentials;
  publicFiles?: ReadonlySet<string>;
  /** With sign-in off: the person TRUSTED_USER_HEADER names (only set behind trusted proxies). */
  proxyUserName?: string | null;
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
  const access = requiredAccess({ method, pathname });

  if (access === 'public' || isPublicPath(pathname, publicFiles)) {
    // Public, yet a page of another site must not sign a visitor in (or out) behind their back.
    if (config.mode === 'accounts' && stateChanging && isSessionEndpoint(pathname)) {
      const sameOrigin = isSameOriginRequest({ headers, ...originSettings(config), allowMissing: true });
      if (!sameOrigin) return deny(403, 'forbidden_origin', FOREIGN_ORIGIN_MESSAGE);
    }
    return { action: 'allow', principal: null, deprecatedToken: false };
  }
  if (config.mode === 'open') {
    // Open or not, a page of another site must not change anything through a visitor's browser (the
    // proxy in front may well authenticate that browser by a cookie of its own). Scripts send no
    // Origin and pass; webhooks and the sandbox API are public paths and never get here.
    if (stateChanging && !isSameOriginRequest({ headers, ...originSettings(config), allowMissing: true }))
      return deny(403, 'forbidden_origin', FOREIGN_ORIGIN_MESSAGE_OPEN);
    return {
      action: 'allow',
      principal: {
        kind: 'open',
        role: 'admin',
        userId: null,
        name: proxyUserName ?? 'anonymous',
        sessionId: null,
        tokenId: null,
        tokenName: null,
      },
      deprecatedToken: false,
    };
  }
  if (config.mode === 'misconfigured') return deny(503, 'sign_in_misconfigured', config.problem);

  let principal: Principal;
  if (credentials.kind === 'bearer') {
    if (!credentials.principal)
      return deny(
        401,
        'unauthorized',
        'The bearer token is unknown, revoked or expired. Make a new one on your Account page (or POST /api/tokens) and try again.',
      );
    // A script holding a token is not a browser that another site could steer: no Origin check.
    principal = credentials.principal;
  } else {
    const session = credentials.kind === 'session' ? credentials.principal : null;
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
        credentials.kind === 'session'
          ? 'Your session has ended. Sign in again at /sign-in.'
          : 'Sign in at /sign-in first, or send "Authorization: Bearer <token>" from scripts (make a token on your Account page).',
      );
    }
    principal = session;
    if (session.mustChangePassword && !OPEN_UNTIL_PASSWORD_CHANGED.has(pathname.replace(/\/+$/, ''))) {
      if (!api && !stateChanging) return { action: 'redirect', location: CHANGE_PASSWORD_PATH };
      return deny(
        403,
        'password_change_required',
        'Choose a new password first (on the Account page, or POST /api/account/password): the one you signed in with was made for you.',
      );
    }
    if (stateChanging && !isSameOriginRequest({ headers, ...originSettings(config) }))
      return deny(403, 'forbidden_origin', FOREIGN_ORIGIN_MESSAGE);
  }

  if (!roleAtLeast(principal.role, access))
    return deny(
      403,
      'forbidden_role',
      `This needs the ${access} role${principal.kind === 'token' ? " (a token has at most its own role and its owner's)" : ''}; ${principal.name} has ${principal.role}. Ask an admin for it.`,
    );
  return { action: 'allow', principal, deprecatedToken: principal.kind === 'legacy-token' };
}

/** Whether the decision depends on who the request is: only then does proxy.ts look the credentials up. */
export function needsCredentials({
  config,
  method,
  pathname,
  publicFiles,
}: {
  config: AuthConfig;
  method: string;
  pathname: string;
  publicFiles?: ReadonlySet<string>;
}): boolean {
  if (config.mode !== 'accounts') return false;
  return requiredAccess({ method, pathname }) !== 'public' && !isPublicPath(pathname, publicFiles);
}

/** What a person whose password must be changed may reach: the Account page, its password change, sign-out. */
const OPEN_UNTIL_PASSWORD_CHANGED = new Set([
  '/account',
  '/api/account',
  '/api/account/password',
  '/api/account/sessions',
  '/api/auth/sign-out',
]);
const CHANGE_PASSWORD_PATH = '/account?change-password=1';

const FOREIGN_ORIGIN_MESSAGE =
  'This request did not come from a page of this app (its Origin header names another site), so it was refused. Use the dashboard itself; scripts send "Authorization: Bearer <token>" instead of a session cookie. Behind a proxy that changes the host, set PUBLIC_URL.';

const FOREIGN_ORIGIN_MESSAGE_OPEN =
  'This request did not come from a page of this app (its Origin header names another site), so it was refused. Use the dashboard itself; scripts may call the API without an Origin header. Behind a proxy that changes the host, set PUBLIC_URL (and TRUSTED_PROXY_HOPS).';

function originSettings(config: Extract<AuthConfig, { mode: 'accounts' | 'open' }>) {
  return { publicUrl: config.publicUrl, trustedProxyHops: config.trustedProxyHops };
}
