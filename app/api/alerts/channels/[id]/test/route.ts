import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { alertChannelNotFound } from '@/app/lib/alerts/alert-not-found';
import { sendAlertChannelTest } from '@/app/lib/alerts/send-alert-channel-test';

export const dynamic = 'force-dynamic';

/** `POST /api/alerts/channels/<id>/test`: a test alert now; `{ ok, durationMs, error }` says what came of it. */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  const outcome = await sendAlertChannelTest({ id: (await context.params).id });
  if (!outcome) {
    const notFound = alertChannelNotFound();
    return errorResponse(notFound.status, notFound.code, notFound.message);
  }
  return NextResponse.json(outcome, { headers: { 'Cache-Control': 'no-store' } });
}
