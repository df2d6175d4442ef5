// In front of every page and API: the sign-in guard (see app/lib/auth/authorize-request.ts for the rules) and the
// security headers that depend on the request (a Content-Security-Policy with a fresh nonce).
import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { authorizeRequest } from '@/app/lib/auth/authorize-request';
import { getPublicFiles } from '@/app/lib/auth/public-files';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { SESSION_COOKIE_NAME } from '@/app/lib/auth/session-cookie';
import { getEnvironment } from '@/app/lib/env';
import { createNonce } from '@/app/lib/server/content-security-policy';
import { securityHeaders } from '@/app/lib/server/security-headers';
import { warnIfProxyHopsMissing } from '@/app/lib/server/warn-missing-proxy-hops';

export function proxy(request: NextRequest) {
  const environment = getEnvironment();
  warnIfProxyHopsMissing({ headers: request.headers, trustedProxyHops: environment.TRUSTED_PROXY_HOPS });
  const security = securityHeaders({
    nonce: createNonce(),
    development: process.env.NODE_ENV === 'development',
    publicUrl: environment.PUBLIC_URL,
  });
  const response = decide(request, security);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

function decide(request: NextRequest, security: Record<string, string>): NextResponse {
  const decision = authorizeRequest({
    config: getAuthConfig(),
    method: request.method,
    url: request.url,
    headers: request.headers,
    sessionToken: request.cookies.get(SESSION_COOKIE_NAME)?.value,
    publicFiles: getPublicFiles(),
  });
  switch (decision.action) {
    case 'allow': {
      // Next.js takes the nonce for its own scripts from the policy in the request headers.
      const headers = new Headers(request.headers);
      headers.set('Content-Security-Policy', security['Content-Security-Policy']!);
      const response = NextResponse.next({ request: { headers } });
      if (decision.renewedCookie) response.cookies.set(decision.renewedCookie);
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

export const config = {
  // Webhooks and the health checks never need a session, and are called all the time (the hot path, and
  // every probe of a load balancer), so the proxy does not run for them at all (next.config.js gives them
  // their security headers). The health paths are exact. The metrics have their own guard (METRICS_TOKEN or
  // METRICS_ALLOWED_NETWORKS, in the route), whose bearer token is not the dashboard's API_TOKEN.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/webhooks/|api/health(?:/live)?$|api/metrics$).*)'],
};
