import { NextResponse, type NextRequest } from 'next/server';
import { completeOidcSignIn } from '@/app/lib/auth/oidc/complete-oidc-sign-in';
import { takeOidcChallenge } from '@/app/lib/auth/oidc/oidc-challenge-store';
import { resolveOidcSettings } from '@/app/lib/auth/oidc/oidc-settings';
import { clearedOidcStateCookie, OIDC_STATE_COOKIE } from '@/app/lib/auth/oidc/oidc-state-cookie';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { safeEqual } from '@/app/lib/auth/safe-equal';
import { isHttpsRequest, SESSION_COOKIE_NAME, sessionCookie } from '@/app/lib/auth/session-cookie';
import { endSession } from '@/app/lib/auth/sessions/end-sessions';
import { signInWithOidcIdentity } from '@/app/lib/auth/users/sign-in-with-oidc-identity';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { getEnvironment } from '@/app/lib/env';
import { getSourceAddress } from '@/app/lib/webhooks/source-address';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/auth/oidc/callback?code=…&state=…`: where the company's provider sends the browser back. The state must
 * be the one this browser started with (its cookie) and is usable once (the stored challenge is taken); the code is
 * redeemed with the PKCE verifier, and the id token's issuer, audience, expiry and nonce are checked.
 */
export async function GET(request: NextRequest) {
  const config = getAuthConfig();
  const settings = config.mode === 'accounts' && config.sso ? resolveOidcSettings() : null;
  const secure = isHttpsRequest({
    url: request.url,
    headers: request.headers,
    publicUrl: config.mode === 'accounts' ? config.publicUrl : null,
  });
  // Callbacks with no valid state are anybody's junk and go unrecorded (a flood of them must not fill the log).
  const refuse = async (code: string, detail: string, audited = true) => {
    if (audited)
      await recordAuditEntry({
        request,
        action: 'auth.sign_in_failed',
        outcome: 'refused',
        actor: { kind: 'anonymous', name: 'anonymous' },
        detail: { method: 'oidc', reason: code, why: detail.slice(0, 300) },
      });
    const response = new NextResponse(null, {
      status: 303,
      headers: { Location: `/sign-in?error=${code}`, 'Cache-Control': 'no-store' },
    });
    response.cookies.set(clearedOidcStateCookie({ secure }));
    return response;
  };
  if (!settings || 'problem' in settings) return refuse('oidc_failed', 'company sign-in is not configured', false);

  const state = request.nextUrl.searchParams.get('state') ?? '';
  const expected = request.cookies.get(OIDC_STATE_COOKIE)?.value ?? '';
  if (!state || !expected || !safeEqual(state, expected))
    return refuse('oidc_failed', 'the state is not the one this browser started with', false);
  const challenge = await takeOidcChallenge({ state });
  if (!challenge) return refuse('oidc_failed', 'the state was used already or has expired', false);

  const result = await completeOidcSignIn({ settings, callbackUrl: request.nextUrl, challenge });
  if (!result.ok)
    return refuse(result.code === 'oidc_expired' ? 'oidc_failed' : result.code, result.detail ?? result.message);

  const signedIn = await signInWithOidcIdentity({
    identity: result.identity,
    rolesFromClaims: settings.roleClaim !== null,
    emailDomainAllowed: settings.allowedDomains.includes(result.identity.email.split('@')[1] ?? ''),
    sourceAddress: getSourceAddress(request.headers, getEnvironment().TRUSTED_PROXY_HOPS),
    userAgent: request.headers.get('user-agent'),
  });
  if (!signedIn.ok)
    return refuse(
      signedIn.code,
      signedIn.code === 'account_disabled'
        ? `${signedIn.email} is disabled`
        : `${signedIn.email} exists already and is not linked to this company account`,
    );
  // A user the sign-in made or changed is audited like one an admin made or changed.
  const auditUser = (action: 'user.create' | 'user.update', detail: Record<string, unknown>) =>
    recordAuditEntry({
      request,
      action,
      actor: { kind: 'session', name: signedIn.user.email },
      target: { type: 'user', id: signedIn.user.email },
      detail,
    });
  if (signedIn.created) await auditUser('user.create', { role: signedIn.user.role, by: 'company sign-in' });
  if (signedIn.roleBefore)
    await auditUser('user.update', {
      role: [signedIn.roleBefore, signedIn.user.role],
      by: "the company provider's groups",
    });
  await recordAuditEntry({
    request,
    action: 'auth.sign_in',
    actor: { kind: 'session', name: signedIn.user.email },
    detail: { method: 'oidc', role: signedIn.user.role, ...(signedIn.created ? { firstSignIn: true } : {}) },
  });
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: challenge.next, 'Cache-Control': 'no-store' },
  });
  response.cookies.set(clearedOidcStateCookie({ secure }));
  // A browser signing in again leaves no session of its own behind.
  const previous = request.cookies.get(SESSION_COOKIE_NAME)?.value;
  if (previous) await endSession({ token: previous });
  response.cookies.set(sessionCookie({ token: signedIn.session.token, expiresAt: signedIn.session.expiresAt, secure }));
  return response;
}
