import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { readSignedInUser } from '@/app/lib/auth/read-signed-in-user';
import { getUserById } from '@/app/lib/auth/users/list-users';

export const dynamic = 'force-dynamic';

/** `GET /api/account`: who the caller is (a session's person, or a token's owner with the token's role). */
export async function GET(request: Request) {
  const caller = readSignedInUser(request);
  if (!caller.ok) return caller.response;
  const user = await getUserById({ id: caller.user.userId });
  if (!user) return errorResponse(404, 'not_found', 'Your account no longer exists: sign in again.');
  return NextResponse.json(
    { ...user, actingRole: caller.user.role, via: caller.user.kind, tokenName: caller.user.tokenName },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
