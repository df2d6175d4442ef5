// Sign-in guard in front of every page and API (see app/lib/auth/authorize-request.ts for the rules).
import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { authorizeRequest } from '@/app/lib/auth/authorize-request';
import { getPublicFiles } from '@/app/lib/auth/public-files';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { SESSION_COOKIE_NAME } from '@/app/lib/auth/session-cookie';

export function proxy(request: NextRequest) {
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
      const response = NextResponse.next();
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
  // every probe of a load balancer), so the proxy does not run for them at all. The health paths are exact.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/webhooks/|api/health(?:/live)?$).*)'],
};
