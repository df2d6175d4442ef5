import { NextResponse } from 'next/server';
import { z } from 'zod';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { envelopeIdSchema } from '@/app/lib/envelopes/envelope-id-schema';
import { MAX_REMINDER_ENVELOPES, sendEnvelopeReminders } from '@/app/lib/envelopes/send-envelope-reminders';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

const remindersBodySchema = z.object({
  envelopeIds: z
    .array(envelopeIdSchema, { error: 'Send the envelopes to remind as "envelopeIds", a list of envelope ids.' })
    .min(1, { error: 'Choose at least one envelope to remind.' })
    .max(MAX_REMINDER_ENVELOPES, {
      error: `At most ${MAX_REMINDER_ENVELOPES} envelopes at once: send the rest in another request.`,
    }),
});

/**
 * "Send reminders" for a selection: `{"envelopeIds": [...]}` → `{ items: [{ envelopeId, ok, ... }], totals }`, each
 * envelope reminded or refused (finished, unknown, not supported) as `POST /api/envelopes/<id>/reminders` would.
 */
export async function POST(request: Request) {
  const body = await parseJsonBody(request, remindersBodySchema, {
    code: 'invalid_reminders',
    example: 'Send {"envelopeIds": ["<envelope id>", ...]}.',
  });
  if (!body.ok) return body.response;
  const result = await sendEnvelopeReminders({ envelopeIds: body.value.envelopeIds });
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'envelope.reminders',
    target: { type: 'envelopes', id: null },
    detail: { envelopeIds: body.value.envelopeIds, totals: result.totals },
  });
  return NextResponse.json(
    { items: result.items, totals: result.totals },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
