import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { updateUser } from '@/app/lib/auth/users/update-user';
import { updateUserInputSchema } from '@/app/lib/auth/users/user-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `PATCH /api/users/<id> {"role"?, "disabled"?, "name"?}`: disabling ends the user's sessions at once. */
export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const input = await parseJsonBody(request, updateUserInputSchema, {
    code: 'invalid_user',
    example: 'Send {"role"?: "viewer" | "operator" | "admin", "disabled"?: true | false, "name"?: "…"}.',
  });
  if (!input.ok) return input.response;
  const result = await updateUser({ id, ...input.value });
  if (!result.ok) return errorResponse(result.code === 'not_found' ? 404 : 409, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'user.update',
    target: { type: 'user', id: result.user.email },
    detail: {
      ...(input.value.role && input.value.role !== result.before.role
        ? { role: [result.before.role, input.value.role] }
        : {}),
      ...(input.value.disabled !== undefined && input.value.disabled !== result.before.disabled
        ? { disabled: input.value.disabled }
        : {}),
      ...(input.value.name ? { name: 'changed' } : {}),
      ...(result.sessionsEnded > 0 ? { sessionsEnded: result.sessionsEnded } : {}),
    },
  });
  return NextResponse.json(result.user, { headers: { 'Cache-Control': 'no-store' } });
}
