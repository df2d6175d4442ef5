import { NextResponse } from 'next/server';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { createHook, createHookInputSchema } from '@/app/lib/hooks/create-hook';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { presentHook } from '@/app/lib/hooks/present-hook';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

export async function GET() {
  return NextResponse.json({ items: (await listHooks()).map(presentHook) });
}

export async function POST(request: Request) {
  const input = await parseJsonBody(request, createHookInputSchema.omit({ origin: true }), {
    code: 'invalid_hook',
    example: 'Send {"name": "..."}.',
  });
  if (!input.ok) return input.response;
  const hook = await createHook({ name: input.value.name, origin: 'dashboard' });
  await recordAuditEntry({ request, action: 'hook.create', target: { type: 'hook', id: hook.name } });
  return NextResponse.json(presentHook(hook), { status: 201 });
}
