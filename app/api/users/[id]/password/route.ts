import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { resetUserPassword } from '@/app/lib/auth/users/set-user-password';
import { resetPasswordInputSchema } from '@/app/lib/auth/users/user-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/users/<id>/password {"password"?}`: an admin resets a password (a one-time one when none is given, in
 * the answer); the user must change it at the next sign-in, and every session of theirs ends.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const input = await parseJsonBody(request, resetPasswordInputSchema, { code: 'invalid_password', emptyBody: {} });
  if (!input.ok) return input.response;
  const result = await resetUserPassword({ id, password: input.value.password });
  if (!result) return errorResponse(404, 'not_found', 'No user has this id: reload the list of users.');
  await recordAuditEntry({ request, action: 'user.password_reset', target: { type: 'user', id: result.email } });
  return NextResponse.json(
    { ok: true, ...(result.oneTimePassword ? { oneTimePassword: result.oneTimePassword } : {}) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
