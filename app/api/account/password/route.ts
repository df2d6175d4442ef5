import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { readSignedInUser } from '@/app/lib/auth/read-signed-in-user';
import { changeOwnPassword } from '@/app/lib/auth/users/set-user-password';
import { changePasswordInputSchema } from '@/app/lib/auth/users/user-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { getEnvironment } from '@/app/lib/env';
import { getSourceAddress } from '@/app/lib/webhooks/source-address';

export const dynamic = 'force-dynamic';

/** `POST /api/account/password {"currentPassword", "newPassword"}`: the caller's other sessions end. */
export async function POST(request: Request) {
  const caller = readSignedInUser(request, { sessionOnly: true });
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
    sourceAddress: getSourceAddress(request.headers, getEnvironment().TRUSTED_PROXY_HOPS),
  });
  if (!result.ok) {
    await recordAuditEntry({
      request,
      action: 'account.password_change',
      outcome: 'failure',
      detail: { reason: result.code },
    });
    const headers =
      result.code === 'too_many_attempts' ? { 'Retry-After': String(result.retryAfterSeconds) } : undefined;
    return errorResponse(result.code === 'too_many_attempts' ? 429 : 403, result.code, result.message, headers);
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
