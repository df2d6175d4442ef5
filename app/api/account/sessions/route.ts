import { NextResponse } from 'next/server';
import { readSignedInUser } from '@/app/lib/auth/read-signed-in-user';
import { listUserSessions } from '@/app/lib/auth/sessions/list-user-sessions';

export const dynamic = 'force-dynamic';

/** `GET /api/account/sessions`: the caller's signed-in browsers, this one marked `current`. */
export async function GET(request: Request) {
  const caller = readSignedInUser(request);
  if (!caller.ok) return caller.response;
  const items = await listUserSessions({ userId: caller.user.userId, currentSessionId: caller.user.sessionId });
  return NextResponse.json({ items }, { headers: { 'Cache-Control': 'no-store' } });
}
