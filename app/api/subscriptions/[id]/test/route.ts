import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { sendSubscriptionTest } from '@/app/lib/subscriptions/send-subscription-test';
import { notFound } from '@/app/lib/subscriptions/update-subscription';

export const dynamic = 'force-dynamic';

/** `POST /api/subscriptions/<id>/test`: a signed `subscription.test` event now; what the receiver answered. */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  const result = await sendSubscriptionTest((await context.params).id);
  if (!result) {
    const missing = notFound();
    return errorResponse(missing.status, missing.code, missing.message);
  }
  return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
