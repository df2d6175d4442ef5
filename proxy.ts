// In front of every page and API: the sign-in guard (see app/lib/auth/authorize-request.ts for the rules) and the
// security headers that depend on the request (a Content-Security-Policy with a fresh nonce).
import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { authorizeRequest, needsCredentials, type PresentedCredentials } from '@/app/lib/auth/authorize-request';
import { encodePrincipal, PRINCIPAL_HEADER } from '@/app/lib/auth/principal';
import { getPublicFiles } from '@/app/lib/auth/public-files';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { resolveRequestPrincipal } from '@/app/lib/auth/resolve-request-principal';
import { SESSION_COOKIE_NAME } from '@/app/lib/auth/session-cookie';
import { getEnvironment, type Environment } from '@/app/lib/env';
import { createNonce } from '@/app/lib/server/content-security-policy';
import { securityHeaders } from '@/app/lib/server/security-headers';
import { warnIfProxyHopsMissing } from '@/app/lib/server/warn-missing-proxy-hops';

export async function proxy(request: NextRequest) {
  const environment = getEnvironment();
  warnIfProxyHopsMissing({ headers: request.headers, trustedProxyHops: environment.TRUSTED_PROXY_HOPS });
  const security = securityHeaders({
    nonce: createNonce(),
    development: process.env.NODE_ENV === 'development',
    publicUrl: environment.PUBLIC_URL,
  });
  const response = await decide(request, security, environment);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

async function decide(
  request: NextRequest,
  security: Record<string, string>,
  environment: Environment,
): Promise<NextResponse> {
  const config = getAuthConfig();
  const publicFiles = getPublicFiles();
  const sessionToken = request.cookies.get(SESSION_COOKIE_NAME)?.value;
  const credentials: PresentedCredentials =
    config.mode === 'accounts' &&
    needsCredentials({ config, method: request.method, pathname: request.nextUrl.pathname, publicFiles })
      ? await resolveRequestPrincipal({ config, headers: request.headers, sessionToken })
      : { kind: 'none' };
  const decision = authorizeRequest({
    config,
    method: request.method,
    url: request.url,
    headers: request.headers,
    credentials,
    publicFiles,
    proxyUserName: proxyUserName(request.headers, environment),
  });
  switch (decision.action) {
    case 'allow': {
      // Next.js takes the nonce for its own scripts from the policy in the request headers.
      const headers = new Headers(request.headers);
      headers.set('Content-Security-Policy', security['Content-Security-Policy']!);
      // Whom pages and route handlers act for: only ever the proxy's word, never the client's.
      headers.delete(PRINCIPAL_HEADER);
      if (decision.principal) headers.set(PRINCIPAL_HEADER, encodePrincipal(decision.principal));
      const response = NextResponse.next({ request: { headers } });
      if (decision.deprecatedToken) {
        response.headers.set('Deprecation', 'true');
        response.headers.set('Warning', '299 - "API_TOKEN is deprecated: use a personal token (POST /api/tokens)"');
      }
      return response;
    }
    case 'redirect':
      return NextResponse.redirect(new URL(decision.location, request.url), 307);
    case 'deny':
      if (decision.api) return errorResponse(decision.status, decision.code, decision.message);
      return new NextResponse(decision.message, {
        status: decision.status,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      });
  }
}

/**
 * With sign-in off behind an SSO proxy: the person it names in TRUSTED_USER_HEADER. Honoured only with
 * TRUSTED_PROXY_HOPS set (the proxy then sets the header); a browser talking to the app directly could send any name.
 */
function proxyUserName(headers: Headers, environment: Environment): string | null {
  const header = environment.TRUSTED_USER_HEADER;
  if (!header || environment.TRUSTED_PROXY_HOPS === 0) return null;
  return headers.get(header)?.trim().slice(0, 320) || null;
}

export const config = {
  // Webhooks and the health checks never need a session, and are called all the time (the hot path, and
  // every probe of a load balancer), so the proxy does not run for them at all (next.config.js gives them
  // their security headers). The health paths are exact. The metrics have their own guard (METRICS_TOKEN or
  // METRICS_ALLOWED_NETWORKS, in the route), whose bearer token is not the dashboard's API_TOKEN.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/webhooks/|api/health(?:/live)?$|api/metrics$).*)'],
};
