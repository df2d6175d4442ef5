import { NextResponse } from 'next/server';
import { z } from 'zod';
import { errorResponse } from '@/app/lib/api/error-response';
import { sendTestNotification } from '@/app/lib/hooks/send-test-notification';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.string().min(1).max(128) });

/** Sends a test notification to the hook through its public URL and answers with what happened. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const params = paramsSchema.safeParse(await context.params);
  if (!params.success) return errorResponse(400, 'invalid_hook_id', 'The hook id in the URL is not valid.');
  const result = await sendTestNotification({ hookId: params.data.id });
  if (!result) return errorResponse(404, 'not_found', 'No active hook has this id. Reload the Setup page.');
  await recordAuditEntry({
    request,
    action: 'hook.test_notification',
    target: { type: 'envelope', id: result.envelopeId ?? null },
    outcome: result.ok ? 'success' : 'failure',
  });
  // 200 whether or not the hook accepted: the test ran, and its result says how it went.
  return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
