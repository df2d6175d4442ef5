import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { createUser } from '@/app/lib/auth/users/create-user';
import { listUsers } from '@/app/lib/auth/users/list-users';
import { createUserInputSchema } from '@/app/lib/auth/users/user-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `GET /api/users` (admins): everyone who may sign in. */
export async function GET() {
  return NextResponse.json({ items: await listUsers() }, { headers: { 'Cache-Control': 'no-store' } });
}

/**
 * `POST /api/users {"email", "name"?, "role", "password"?}` → 201 `{ "id", "email", "role", … }`; without a password
 * the answer carries `oneTimePassword` (shown once; changed at first sign-in), unless `"password": null` is meant for
 * SSO only — leave it out and share the one-time password, or let them sign in through SSO by the same e-mail.
 */
export async function POST(request: Request) {
  const input = await parseJsonBody(request, createUserInputSchema, {
    code: 'invalid_user',
    example:
      'Send {"email": "ana@example.com", "name": "Ana", "role": "viewer" | "operator" | "admin", "password"?: "…"}.',
  });
  if (!input.ok) return input.response;
  const result = await createUser({ ...input.value, password: input.value.password ?? 'generate' });
  if (!result.ok) return errorResponse(409, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'user.create',
    target: { type: 'user', id: result.user.email },
    detail: { role: result.user.role },
  });
  return NextResponse.json(
    { ...result.user, ...(result.oneTimePassword ? { oneTimePassword: result.oneTimePassword } : {}) },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
