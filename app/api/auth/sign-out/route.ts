import { NextResponse } from 'next/server';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { clearedSessionCookie, isHttpsRequest } from '@/app/lib/auth/session-cookie';
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
  await recordAuditEntry({ request, action: 'auth.sign_out' });
  return response;
}
