import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { envelopeIdSchema } from '@/app/lib/envelopes/envelope-id-schema';
import { sendEnvelopeReminder } from '@/app/lib/envelopes/send-envelope-reminder';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/**
 * "Send reminder": the signing service reminds the recipients the envelope waits on;
 * `{ reminded, skippedRateLimit, skippedDisabledEmail }`, and the reminder is on the envelope's timeline.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const id = envelopeIdSchema.safeParse((await context.params).id);
  if (!id.success) return errorResponse(404, 'not_found', 'No envelope has this id.');
  const result = await sendEnvelopeReminder({ envelopeId: id.data });
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'envelope.reminder',
    target: { type: 'envelope', id: id.data },
    detail: { reminded: result.reminded },
  });
  return NextResponse.json(
    {
      reminded: result.reminded,
      skippedRateLimit: result.skippedRateLimit,
      skippedDisabledEmail: result.skippedDisabledEmail,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
