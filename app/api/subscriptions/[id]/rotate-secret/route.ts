import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { rotateSubscriptionSecret } from '@/app/lib/subscriptions/rotate-subscription-secret';
import { notFound } from '@/app/lib/subscriptions/update-subscription';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { subscriptionTarget } from '@/app/lib/audit/subscription-target';

export const dynamic = 'force-dynamic';

/** `POST /api/subscriptions/<id>/rotate-secret` → `{ secret, previousSecretUntil }`: both keys sign for 24 hours. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const rotated = await rotateSubscriptionSecret(id);
  if (!rotated) {
    const missing = notFound();
    return errorResponse(missing.status, missing.code, missing.message);
  }
  await recordAuditEntry({ request, action: 'subscription.rotate_secret', target: subscriptionTarget(id) });
  return NextResponse.json(rotated, { headers: { 'Cache-Control': 'no-store' } });
}
