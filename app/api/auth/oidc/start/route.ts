import { NextResponse, type NextRequest } from 'next/server';
import { beginOidcSignIn } from '@/app/lib/auth/oidc/begin-oidc-sign-in';
import { saveOidcChallenge } from '@/app/lib/auth/oidc/oidc-challenge-store';
import { resolveOidcSettings } from '@/app/lib/auth/oidc/oidc-settings';
import { oidcStateCookie } from '@/app/lib/auth/oidc/oidc-state-cookie';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { isHttpsRequest } from '@/app/lib/auth/session-cookie';

export const dynamic = 'force-dynamic';

/** `GET /api/auth/oidc/start?next=<path>`: sends the browser to the company's sign-in page (code flow with PKCE). */
export async function GET(request: NextRequest) {
  const config = getAuthConfig();
  const settings = config.mode === 'accounts' && config.sso ? resolveOidcSettings() : null;
  if (!settings || 'problem' in settings) return backToSignIn('oidc_failed');
  try {
    const { authorizationUrl, challenge } = await beginOidcSignIn({
      settings,
      next: request.nextUrl.searchParams.get('next'),
    });
    if (!(await saveOidcChallenge({ challenge }))) return backToSignIn('oidc_failed');
    const response = NextResponse.redirect(authorizationUrl, 303);
    response.headers.set('Cache-Control', 'no-store');
    const secure = isHttpsRequest({
      url: request.url,
      headers: request.headers,
      publicUrl: config.mode === 'accounts' ? config.publicUrl : null,
    });
    response.cookies.set(oidcStateCookie({ state: challenge.state, secure }));
    return response;
  } catch (error) {
    // The provider is down or its discovery document is wrong: the person can only try again later.
    console.error('Company sign-in could not start:', error instanceof Error ? error.message : error);
    return backToSignIn('oidc_failed');
  }
}

function backToSignIn(code: string) {
  return new NextResponse(null, {
    status: 303,
    headers: { Location: `/sign-in?error=${code}`, 'Cache-Control': 'no-store' },
  });
}
