import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { readSignedInUser } from '@/app/lib/auth/read-signed-in-user';
import { revokeApiToken } from '@/app/lib/auth/tokens/revoke-api-token';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `DELETE /api/tokens/<id>`: revokes one of the caller's tokens (an admin may revoke anyone's); it stops at once. */
export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }) {
  const caller = readSignedInUser(request);
  if (!caller.ok) return caller.response;
  const { id } = await context.params;
  const revoked = await revokeApiToken({ id, userId: caller.user.userId, asAdmin: caller.user.role === 'admin' });
  if (!revoked) return errorResponse(404, 'not_found', 'You have no token with this id: reload the list of tokens.');
  await recordAuditEntry({
    request,
    action: 'token.revoke',
    target: { type: 'token', id },
    detail: { name: revoked.name, ...(revoked.ownerId !== caller.user.userId ? { owner: revoked.ownerEmail } : {}) },
  });
  return NextResponse.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
