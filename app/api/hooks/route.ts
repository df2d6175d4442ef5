import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { createHook, createHookInputSchema } from '@/app/lib/hooks/create-hook';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { presentHook } from '@/app/lib/hooks/present-hook';

export const dynamic = 'force-dynamic';

export async function GET() {
  return NextResponse.json({ items: (await listHooks()).map(presentHook) });
}

export async function POST(request: Request) {
  const input = createHookInputSchema.omit({ origin: true }).safeParse(await request.json().catch(() => null));
  if (!input.success)
    return errorResponse(400, 'invalid_hook', input.error.issues[0]?.message ?? 'Send { "name": "..." }.');
  const hook = await createHook({ name: input.data.name, origin: 'dashboard' });
  return NextResponse.json(presentHook(hook), { status: 201 });
}
