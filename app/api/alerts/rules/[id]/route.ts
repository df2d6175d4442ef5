import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { alertRuleNotFound } from '@/app/lib/alerts/alert-not-found';
import { updateAlertRuleBodySchema } from '@/app/lib/alerts/alert-schemas';
import { deleteAlertRule } from '@/app/lib/alerts/delete-alert-rule';
import { getAlertRule } from '@/app/lib/alerts/get-alert-rule';
import { updateAlertRule } from '@/app/lib/alerts/update-alert-rule';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const missing = () => {
  const notFound = alertRuleNotFound();
  return errorResponse(notFound.status, notFound.code, notFound.message);
};

/** `GET /api/alerts/rules/<id>`. */
export async function GET(_request: Request, context: Context) {
  const rule = await getAlertRule({ id: (await context.params).id });
  if (!rule) return missing();
  return NextResponse.json(rule, { headers: { 'Cache-Control': 'no-store' } });
}

/** `PATCH /api/alerts/rules/<id> {"paused"?, "channelIds"?, "afterMinutes"?, …}`. */
export async function PATCH(request: Request, context: Context) {
  const body = await parseJsonBody(request, updateAlertRuleBodySchema, {
    code: 'invalid_rule',
    example: 'Send {"paused": true} or the fields to change.',
  });
  if (!body.ok) return body.response;
  const result = await updateAlertRule({ id: (await context.params).id, body: body.value });
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'alert_rule.update',
    target: { type: 'alert_rule', id: result.rule.id },
    detail: { changed: Object.keys(body.value) },
  });
  return NextResponse.json(result.rule, { headers: { 'Cache-Control': 'no-store' } });
}

/** `DELETE /api/alerts/rules/<id>`: the rule, the alerts it raised and their messages. */
export async function DELETE(request: Request, context: Context) {
  const { id } = await context.params;
  if (!(await deleteAlertRule({ id }))) return missing();
  await recordAuditEntry({ request, action: 'alert_rule.delete', target: { type: 'alert_rule', id } });
  return new NextResponse(null, { status: 204 });
}
