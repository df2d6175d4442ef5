import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { endUserSessions } from '@/app/lib/auth/sessions/end-sessions';
import { getUserById } from '@/app/lib/auth/users/list-users';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `POST /api/users/<id>/sessions/revoke`: ends every session of the user, on every instance, at once. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const user = await getUserById({ id });
  if (!user) return errorResponse(404, 'not_found', 'No user has this id: reload the list of users.');
  const ended = await endUserSessions({ userId: id });
  await recordAuditEntry({
    request,
    action: 'user.sessions_revoke',
    target: { type: 'user', id: user.email },
    detail: { sessionsEnded: ended },
  });
  return NextResponse.json({ ok: true, sessionsEnded: ended }, { headers: { 'Cache-Control': 'no-store' } });
}
