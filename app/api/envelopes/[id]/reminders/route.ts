import { NextResponse } from 'next/server';
import { z } from 'zod';
import { errorResponse } from '@/app/lib/api/error-response';
import { sendEnvelopeReminder } from '@/app/lib/envelopes/send-envelope-reminder';

export const dynamic = 'force-dynamic';

/** Envelope ids are the signing service's: a GUID, or whatever a sender put in the callback, within reason. */
const idSchema = z.string().trim().min(1).max(512);

/**
 * "Send reminder": the signing service reminds the recipients the envelope waits on;
 * `{ reminded, skippedRateLimit, skippedDisabledEmail }`, and the reminder is on the envelope's timeline.
 */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await context.params).id);
  if (!id.success) return errorResponse(404, 'not_found', 'No envelope has this id.');
  const result = await sendEnvelopeReminder({ envelopeId: id.data });
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  return NextResponse.json(
    {
      reminded: result.reminded,
      skippedRateLimit: result.skippedRateLimit,
      skippedDisabledEmail: result.skippedDisabledEmail,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
