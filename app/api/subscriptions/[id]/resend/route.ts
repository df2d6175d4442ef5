import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { resendSubscriptionEvents } from '@/app/lib/subscriptions/resend-subscription-events';
import { resendBodySchema } from '@/app/lib/subscriptions/subscription-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { subscriptionTarget } from '@/app/lib/audit/subscription-target';

export const dynamic = 'force-dynamic';

/** `POST /api/subscriptions/<id>/resend {"eventId"} | {"since"}` → `202 { queued }`. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const body = await parseJsonBody(request, resendBodySchema, {
    code: 'invalid_resend',
    example: 'Send {"eventId": "evt_…"} or {"since": "2026-11-30T00:00:00Z"}.',
  });
  if (!body.ok) return body.response;
  const { id } = await context.params;
  const result = await resendSubscriptionEvents(id, body.value);
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'subscription.resend',
    target: subscriptionTarget(id),
    detail: { ...body.value, queued: result.queued },
  });
  return NextResponse.json({ queued: result.queued }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}
