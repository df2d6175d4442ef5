import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { rotateSubscriptionSecret } from '@/app/lib/subscriptions/rotate-subscription-secret';
import { notFound } from '@/app/lib/subscriptions/update-subscription';

export const dynamic = 'force-dynamic';

/** `POST /api/subscriptions/<id>/rotate-secret` → `{ secret, previousSecretUntil }`: both keys sign for 24 hours. */
export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  const rotated = await rotateSubscriptionSecret((await context.params).id);
  if (!rotated) {
    const missing = notFound();
    return errorResponse(missing.status, missing.code, missing.message);
  }
  return NextResponse.json(rotated, { headers: { 'Cache-Control': 'no-store' } });
}
