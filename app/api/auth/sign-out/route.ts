import { NextResponse } from 'next/server';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { readCookie } from '@/app/lib/auth/read-cookie';
import { clearedSessionCookie, isHttpsRequest, SESSION_COOKIE_NAME } from '@/app/lib/auth/session-cookie';
import { findSessionPrincipal } from '@/app/lib/auth/sessions/find-session-principal';
import { endSession } from '@/app/lib/auth/sessions/end-sessions';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** Ends this browser's session. The header's form posts here and lands on the sign-in page; fetch gets JSON. */
export async function POST(request: Request) {
  const config = getAuthConfig();
  const isForm = /application\/x-www-form-urlencoded|multipart\/form-data/i.test(
    request.headers.get('content-type') ?? '',
  );
  const response = isForm
    ? new NextResponse(null, { status: 303, headers: { Location: '/sign-in', 'Cache-Control': 'no-store' } })
    : NextResponse.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  const publicUrl = config.mode === 'accounts' ? config.publicUrl : null;
  const secure = isHttpsRequest({ url: request.url, headers: request.headers, publicUrl });
  response.cookies.set(clearedSessionCookie({ secure }));
  const token = readCookie(request.headers, SESSION_COOKIE_NAME);
  if (config.mode !== 'accounts' || !token) return response;
  // Only a real session's end is worth a line: the endpoint is public, and anyone may call it any number of times.
  const principal = await findSessionPrincipal({ token });
  if (await endSession({ token })) {
    await recordAuditEntry({
      request,
      action: 'auth.sign_out',
      actor: { kind: 'session', name: principal?.name ?? 'anonymous' },
    });
  }
  return response;
}
