import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { readSignedInUser } from '@/app/lib/auth/read-signed-in-user';
import { createApiToken } from '@/app/lib/auth/tokens/create-api-token';
import { listApiTokens } from '@/app/lib/auth/tokens/list-api-tokens';
import { createTokenInputSchema } from '@/app/lib/auth/users/user-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `GET /api/tokens`: the caller's own tokens (never the secrets). */
export async function GET(request: Request) {
  const caller = readSignedInUser(request);
  if (!caller.ok) return caller.response;
  return NextResponse.json(
    { items: await listApiTokens({ userId: caller.user.userId }) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

/**
 * `POST /api/tokens {"name", "role"?, "expiresInDays"?}` → 201 `{ "id", "token", … }`: a token for the caller, at most
 * their role, shown once. Use it as `Authorization: Bearer <token>`.
 */
export async function POST(request: Request) {
  const caller = readSignedInUser(request, { sessionOnly: true });
  if (!caller.ok) return caller.response;
  const input = await parseJsonBody(request, createTokenInputSchema, {
    code: 'invalid_token',
    example: 'Send {"name": "nightly export", "role"?: "viewer" | "operator" | "admin", "expiresInDays"?: 90}.',
  });
  if (!input.ok) return input.response;
  const result = await createApiToken({ userId: caller.user.userId, ownerRole: caller.user.role, ...input.value });
  if (!result.ok) return errorResponse(result.code === 'role_above_own' ? 403 : 409, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'token.create',
    target: { type: 'token', id: result.id },
    detail: { name: result.name, role: result.role, expiresAt: result.expiresAt },
  });
  const { id, token, name, role, expiresAt } = result;
  return NextResponse.json(
    { id, token, name, role, expiresAt },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
