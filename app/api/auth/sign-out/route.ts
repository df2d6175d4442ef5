import { NextResponse } from 'next/server';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { readCookie } from '@/app/lib/auth/read-cookie';
import { clearedSessionCookie, isHttpsRequest, SESSION_COOKIE_NAME } from '@/app/lib/auth/session-cookie';
import { verifySessionToken } from '@/app/lib/auth/session-token';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** Clears the session cookie. The header's form posts here and lands on the sign-in page; fetch gets JSON. */
export async function POST(request: Request) {
  const config = getAuthConfig();
  const isForm = /application\/x-www-form-urlencoded|multipart\/form-data/i.test(
    request.headers.get('content-type') ?? '',
  );
  const response = isForm
    ? new NextResponse(null, { status: 303, headers: { Location: '/sign-in', 'Cache-Control': 'no-store' } })
    : NextResponse.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  const publicUrl = config.mode === 'password' ? config.publicUrl : null;
  const secure = isHttpsRequest({ url: request.url, headers: request.headers, publicUrl });
  response.cookies.set(clearedSessionCookie({ secure }));
  // Only a real session's end is worth a line: the endpoint is public, and anyone may call it any number of times.
  const session =
    config.mode === 'password' &&
    verifySessionToken({ key: config.sessionKey, token: readCookie(request.headers, SESSION_COOKIE_NAME) });
  if (session) await recordAuditEntry({ request, action: 'auth.sign_out' });
  return response;
}
