import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody, type BodyParseResult } from '@/app/lib/api/parse-json-body';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { DEVICE_COOKIE_NAME, deviceCookie } from '@/app/lib/auth/devices/sign-in-device';
import { readCookie } from '@/app/lib/auth/read-cookie';
import { sanitizeNextPath } from '@/app/lib/auth/sanitize-next-path';
import { isHttpsRequest, SESSION_COOKIE_NAME, sessionCookie } from '@/app/lib/auth/session-cookie';
import { signInWithPassword } from '@/app/lib/auth/sign-in';
import { SIGN_IN_ERROR_MESSAGES, signInInputSchema, type SignInErrorCode } from '@/app/lib/auth/sign-in-schema';
import { getEnvironment } from '@/app/lib/env';
import { warnIfProxyHopsMissing } from '@/app/lib/server/warn-missing-proxy-hops';
import { getSourceAddress } from '@/app/lib/webhooks/source-address';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/**
 * Signs in with an e-mail and password: JSON `{ "email", "password", "next" }` from the sign-in page, or a
 * plain form post (no JavaScript), which is answered with redirects instead of JSON.
 */
export async function POST(request: Request) {
  const config = getAuthConfig();
  if (config.mode === 'misconfigured') return errorResponse(503, 'sign_in_misconfigured', config.problem);
  if (config.mode === 'open')
    return errorResponse(
      409,
      'sign_in_not_required',
      'Sign-in is not turned on: the dashboard is open. Set ADMIN_EMAIL and ADMIN_PASSWORD (or OIDC_ISSUER) to require it.',
    );

  const isForm = /application\/x-www-form-urlencoded|multipart\/form-data/i.test(
    request.headers.get('content-type') ?? '',
  );
  const input = isForm
    ? await readSignInForm(request)
    : await parseJsonBody(request, signInInputSchema, { code: 'invalid_input' });
  if (!input.ok) return input.response;
  const next = sanitizeNextPath(input.value.next);
  const fail = (status: number, code: SignInErrorCode, message: string, retryAfterSeconds = 0) => {
    const headers = retryAfterSeconds > 0 ? { 'Retry-After': String(retryAfterSeconds) } : undefined;
    if (!isForm) return errorResponse(status, code, message, headers);
    const query = new URLSearchParams({ error: code, ...(next !== '/' ? { next } : {}) });
    return seeOther(`/sign-in?${query}`);
  };
  if (!config.passwordSignIn) return fail(403, 'password_sign_in_off', SIGN_IN_ERROR_MESSAGES.password_sign_in_off);
  const email = input.value.email ?? null;
  if (!email && !config.legacyPassword) return fail(400, 'invalid_input', SIGN_IN_ERROR_MESSAGES.invalid_input);

  const { TRUSTED_PROXY_HOPS: trustedProxyHops } = getEnvironment();
  // The throttle keys on the source address: say so when it is surely the proxy's.
  warnIfProxyHopsMissing({ headers: request.headers, trustedProxyHops });
  const result = await signInWithPassword({
    email,
    password: input.value.password,
    sourceAddress: getSourceAddress(request.headers, trustedProxyHops),
    userAgent: request.headers.get('user-agent'),
    deviceToken: readCookie(request.headers, DEVICE_COOKIE_NAME),
    previousSessionToken: readCookie(request.headers, SESSION_COOKIE_NAME),
  });
  if (!result.ok) {
    if (result.reason === 'account_disabled') {
      await recordAuditEntry({
        request,
        action: 'auth.sign_in_failed',
        outcome: 'refused',
        actor: { kind: 'anonymous', name: result.email },
        detail: { reason: result.reason },
      });
      return fail(403, 'account_disabled', SIGN_IN_ERROR_MESSAGES.account_disabled);
    }
    const wait = result.retryAfterSeconds;
    const message =
      result.reason === 'too_many_attempts'
        ? `Too many failed attempts from your address or for this account. Try again in ${describeWait(wait)}.`
        : wait > 0
          ? `Wrong e-mail address or password. After several failed attempts, the next one is possible in ${describeWait(wait)}.`
          : SIGN_IN_ERROR_MESSAGES.wrong_password;
    // A wrong password is recorded, under the account it tried; attempts the throttle refuses are not (they cannot
    // succeed, and a flood of them must not fill the log).
    if (result.reason === 'wrong_password') {
      await recordAuditEntry({
        request,
        action: 'auth.sign_in_failed',
        outcome: 'failure',
        actor: { kind: 'anonymous', name: result.email ?? 'anonymous' },
        detail: { reason: result.reason },
      });
    }
    return fail(result.reason === 'too_many_attempts' ? 429 : 401, result.reason, message, wait);
  }
  await recordAuditEntry({
    request,
    action: 'auth.sign_in',
    actor: { kind: 'session', name: result.user.email },
    detail: { method: 'password' },
  });

  // A password someone else chose (a one-time one) is changed first.
  const destination = result.user.mustChangePassword ? '/account?change-password=1' : next;
  const response = isForm
    ? seeOther(destination)
    : NextResponse.json(
        { ok: true, next: destination, mustChangePassword: result.user.mustChangePassword },
        { headers: { 'Cache-Control': 'no-store' } },
      );
  const secure = isHttpsRequest({ url: request.url, headers: request.headers, publicUrl: config.publicUrl });
  response.cookies.set(sessionCookie({ token: result.session.token, expiresAt: result.session.expiresAt, secure }));
  // Lets this browser sign in again while others fail from its address or at its account (devices/sign-in-device.ts).
  response.cookies.set(deviceCookie({ token: result.deviceToken, secure }));
  return response;
}

/** The form a browser without JavaScript posts; a problem sends it back to the sign-in page to say so. */
async function readSignInForm(request: Request): Promise<BodyParseResult<z.output<typeof signInInputSchema>>> {
  const form = await request.formData().then(
    (data) => Object.fromEntries(data),
    () => null,
  );
  const input = signInInputSchema.safeParse(form);
  if (input.success) return { ok: true, value: input.data };
  return { ok: false, response: seeOther(`/sign-in?${new URLSearchParams({ error: 'invalid_input' })}`) };
}

/** 303 with a relative Location, so it holds behind any proxy, whatever host the server sees. */
function seeOther(location: string) {
  return new NextResponse(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
