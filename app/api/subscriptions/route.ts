import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { createSubscription } from '@/app/lib/subscriptions/create-subscription';
import { listSubscriptions } from '@/app/lib/subscriptions/list-subscriptions';
import { createSubscriptionBodySchema } from '@/app/lib/subscriptions/subscription-schemas';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { subscriptionTarget } from '@/app/lib/audit/subscription-target';

export const dynamic = 'force-dynamic';

/** `GET /api/subscriptions`: every subscription, without its keys. */
export async function GET() {
  return NextResponse.json({ items: await listSubscriptions() }, { headers: { 'Cache-Control': 'no-store' } });
}

/** `POST /api/subscriptions {"url", "types"?, "description"?}` → 201 with the signing key, shown this once. */
export async function POST(request: Request) {
  const body = await parseJsonBody(request, createSubscriptionBodySchema, {
    code: 'invalid_subscription',
    example: 'Send {"url": "https://crm.example.com/hooks", "types": ["envelope.completed"]}.',
  });
  if (!body.ok) return body.response;
  const created = await createSubscription(body.value);
  if (!created.ok) return errorResponse(created.status, created.code, created.message);
  await recordAuditEntry({
    request,
    action: 'subscription.create',
    target: subscriptionTarget(created.subscription.id),
  });
  return NextResponse.json(
    { ...created.subscription, secret: created.secret },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
