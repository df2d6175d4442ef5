import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { sendSubscriptionTest } from '@/app/lib/subscriptions/send-subscription-test';
import { notFound } from '@/app/lib/subscriptions/update-subscription';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { subscriptionTarget } from '@/app/lib/audit/subscription-target';

export const dynamic = 'force-dynamic';

/** `POST /api/subscriptions/<id>/test`: a signed `subscription.test` event now; what the receiver answered. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const result = await sendSubscriptionTest(id);
  if (!result) {
    const missing = notFound();
    return errorResponse(missing.status, missing.code, missing.message);
  }
  await recordAuditEntry({
    request,
    action: 'subscription.test',
    target: subscriptionTarget(id),
    outcome: result.ok ? 'success' : 'failure',
  });
  return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
