import { readBearerToken } from '@/app/lib/auth/read-bearer-token';
import { safeEqual } from '@/app/lib/auth/safe-equal';
import { getEnvironment } from '@/app/lib/env';

/** Who made a request, as far as the app knows it today: the proxy in front (proxy.ts) let it through already. */
export type AuditActor = { kind: 'session' | 'token' | 'proxy' | 'anonymous'; name: string };

const MAX_NAME_CHARS = 320;

/**
 * The actor of a request that proxy.ts allowed: a bearer token (API_TOKEN), a session of the shared dashboard
 * password, the person an SSO proxy names in TRUSTED_USER_HEADER (only behind TRUSTED_PROXY_HOPS proxies, which set
 * it; a browser talking to the app directly could send any name), or nobody known.
 */
export function identifyActor(headers: Headers): AuditActor {
  const environment = getEnvironment();
  // Only the real token names API_TOKEN: with sign-in off, nothing in front checked a bearer header, and a made-up one
  // must not hide the person the proxy names.
  const bearer = readBearerToken(headers);
  if (bearer !== null && environment.API_TOKEN && safeEqual(bearer, environment.API_TOKEN)) {
    return { kind: 'token', name: 'API_TOKEN' };
  }
  const signInRequired = environment.DASHBOARD_AUTH === 'on' && environment.DASHBOARD_PASSWORD !== undefined;
  if (signInRequired) return { kind: 'session', name: 'dashboard password' };
  const header = environment.TRUSTED_USER_HEADER;
  if (header && environment.TRUSTED_PROXY_HOPS > 0) {
    const named = headers.get(header)?.trim();
    if (named) return { kind: 'proxy', name: named.slice(0, MAX_NAME_CHARS) };
  }
  return { kind: 'anonymous', name: 'anonymous' };
}
