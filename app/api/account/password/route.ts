import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { readSignedInUser } from '@/app/lib/auth/read-signed-in-user';
import { changeOwnPassword } from '@/app/lib/auth/users/set-user-password';
import { changePasswordInputSchema } from '@/app/lib/auth/users/user-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `POST /api/account/password {"currentPassword", "newPassword"}`: the caller's other sessions end. */
export async function POST(request: Request) {
  const caller = readSignedInUser(request);
  if (!caller.ok) return caller.response;
  const input = await parseJsonBody(request, changePasswordInputSchema, {
    code: 'invalid_password',
    example: 'Send {"currentPassword": "…", "newPassword": "…"}.',
  });
  if (!input.ok) return input.response;
  const result = await changeOwnPassword({
    userId: caller.user.userId,
    currentPassword: input.value.currentPassword,
    newPassword: input.value.newPassword,
    currentSessionId: caller.user.sessionId,
  });
  if (!result.ok) {
    await recordAuditEntry({
      request,
      action: 'account.password_change',
      outcome: 'failure',
      detail: { reason: result.code },
    });
    return errorResponse(403, result.code, result.message);
  }
  await recordAuditEntry({
    request,
    action: 'account.password_change',
    detail: { otherSessionsEnded: result.otherSessionsEnded },
  });
  return NextResponse.json(
    { ok: true, otherSessionsEnded: result.otherSessionsEnded },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
