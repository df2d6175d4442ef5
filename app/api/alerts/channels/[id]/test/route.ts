import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { alertChannelNotFound } from '@/app/lib/alerts/alert-not-found';
import { sendAlertChannelTest } from '@/app/lib/alerts/send-alert-channel-test';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `POST /api/alerts/channels/<id>/test`: a test alert now; `{ ok, durationMs, error }` says what came of it. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const outcome = await sendAlertChannelTest({ id });
  if (!outcome) {
    const notFound = alertChannelNotFound();
    return errorResponse(notFound.status, notFound.code, notFound.message);
  }
  await recordAuditEntry({
    request,
    action: 'alert_channel.test',
    target: { type: 'alert_channel', id },
    outcome: outcome.ok ? 'success' : 'failure',
  });
  return NextResponse.json(outcome, { headers: { 'Cache-Control': 'no-store' } });
}
