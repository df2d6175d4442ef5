import { NextResponse } from 'next/server';
import { readSignedInUser } from '@/app/lib/auth/read-signed-in-user';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { clearedSessionCookie, isHttpsRequest } from '@/app/lib/auth/session-cookie';
import { endUserSessions } from '@/app/lib/auth/sessions/end-sessions';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `POST /api/account/sessions/revoke`: sign out everywhere, this browser included. */
export async function POST(request: Request) {
  const caller = readSignedInUser(request);
  if (!caller.ok) return caller.response;
  const ended = await endUserSessions({ userId: caller.user.userId });
  await recordAuditEntry({ request, action: 'account.sessions_revoke', detail: { sessionsEnded: ended } });
  const config = getAuthConfig();
  const publicUrl = config.mode === 'accounts' ? config.publicUrl : null;
  const response = NextResponse.json({ ok: true, sessionsEnded: ended }, { headers: { 'Cache-Control': 'no-store' } });
  response.cookies.set(
    clearedSessionCookie({ secure: isHttpsRequest({ url: request.url, headers: request.headers, publicUrl }) }),
  );
  return response;
}
