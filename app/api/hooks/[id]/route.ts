import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { updateHookInputSchema } from '@/app/lib/hooks/hook-schemas';
import { presentHook } from '@/app/lib/hooks/present-hook';
import { revokeHook } from '@/app/lib/hooks/revoke-hook';
import { updateHook } from '@/app/lib/hooks/update-hook';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, context: Context) {
  const { id } = await context.params;
  const input = await parseJsonBody(request, updateHookInputSchema, { code: 'invalid_hook' });
  if (!input.ok) return input.response;
  const hook = await updateHook({ hookId: id, changes: input.value });
  if (!hook) return errorResponse(404, 'not_found', 'No active hook has this id.');
  return NextResponse.json(presentHook(hook));
}

export async function DELETE(_request: Request, context: Context) {
  const { id } = await context.params;
  if (!(await revokeHook({ hookId: id }))) return errorResponse(404, 'not_found', 'No active hook has this id.');
  return new NextResponse(null, { status: 204 });
}
