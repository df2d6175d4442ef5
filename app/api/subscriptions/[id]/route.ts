import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { deleteSubscription } from '@/app/lib/subscriptions/delete-subscription';
import { updateSubscriptionBodySchema } from '@/app/lib/subscriptions/subscription-schemas';
import { notFound, updateSubscription } from '@/app/lib/subscriptions/update-subscription';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { subscriptionTarget } from '@/app/lib/audit/subscription-target';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** `PATCH /api/subscriptions/<id> {"url"?, "types"?, "description"?, "enabled"?}`. */
export async function PATCH(request: Request, context: Context) {
  const body = await parseJsonBody(request, updateSubscriptionBodySchema, {
    code: 'invalid_subscription',
    example: 'Send {"enabled": true} or the fields to change.',
  });
  if (!body.ok) return body.response;
  const result = await updateSubscription((await context.params).id, body.value);
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'subscription.update',
    target: subscriptionTarget(result.subscription.id),
    detail: { changed: Object.keys(body.value) },
  });
  return NextResponse.json(result.subscription, { headers: { 'Cache-Control': 'no-store' } });
}

/** `DELETE /api/subscriptions/<id>`: the subscription, its jobs and attempts. */
export async function DELETE(request: Request, context: Context) {
  const { id } = await context.params;
  if (!(await deleteSubscription(id))) {
    const missing = notFound();
    return errorResponse(missing.status, missing.code, missing.message);
  }
  await recordAuditEntry({ request, action: 'subscription.delete', target: subscriptionTarget(id) });
  return new NextResponse(null, { status: 204 });
}
