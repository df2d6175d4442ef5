import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { updateHookInputSchema } from '@/app/lib/hooks/hook-schemas';
import { presentHook } from '@/app/lib/hooks/present-hook';
import { revokeHook } from '@/app/lib/hooks/revoke-hook';
import { updateHook } from '@/app/lib/hooks/update-hook';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, context: Context) {
  const { id } = await context.params;
  const input = await parseJsonBody(request, updateHookInputSchema, { code: 'invalid_hook' });
  if (!input.ok) return input.response;
  const hook = await updateHook({ hookId: id, changes: input.value });
  if (!hook) return errorResponse(404, 'not_found', 'No active hook has this id.');
  // The hook by name: its id is the secret part of its URL. The fields changed, never their values (a secret).
  await recordAuditEntry({
    request,
    action: 'hook.update',
    target: { type: 'hook', id: hook.name },
    detail: { changed: Object.keys(input.value) },
  });
  return NextResponse.json(presentHook(hook));
}

export async function DELETE(request: Request, context: Context) {
  const { id } = await context.params;
  const revoked = await revokeHook({ hookId: id });
  if (!revoked) return errorResponse(404, 'not_found', 'No active hook has this id.');
  await recordAuditEntry({ request, action: 'hook.revoke', target: { type: 'hook', id: revoked.name } });
  return new NextResponse(null, { status: 204 });
}
