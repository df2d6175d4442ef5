import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { createAlertRuleBodySchema } from '@/app/lib/alerts/alert-schemas';
import { createAlertRule } from '@/app/lib/alerts/create-alert-rule';
import { listAlertRules } from '@/app/lib/alerts/list-alert-rules';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `GET /api/alerts/rules`: every rule. */
export async function GET() {
  return NextResponse.json({ items: await listAlertRules() }, { headers: { 'Cache-Control': 'no-store' } });
}

/** `POST /api/alerts/rules {"kind", "channelIds", "hookId"?, "customValue"?, "afterMinutes"?, …}` → 201. */
export async function POST(request: Request) {
  const body = await parseJsonBody(request, createAlertRuleBodySchema, {
    code: 'invalid_rule',
    example: 'Send {"kind": "stuck", "afterMinutes": 4320, "channelIds": ["ach_…"]}.',
  });
  if (!body.ok) return body.response;
  const created = await createAlertRule({ body: body.value });
  if (!created.ok) return errorResponse(created.status, created.code, created.message);
  await recordAuditEntry({
    request,
    action: 'alert_rule.create',
    target: { type: 'alert_rule', id: created.rule.id },
    detail: { kind: created.rule.kind },
  });
  return NextResponse.json(created.rule, { status: 201, headers: { 'Cache-Control': 'no-store' } });
}
