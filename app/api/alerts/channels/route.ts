import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { createAlertChannelBodySchema } from '@/app/lib/alerts/alert-schemas';
import { createAlertChannel } from '@/app/lib/alerts/create-alert-channel';
import { listAlertChannels } from '@/app/lib/alerts/list-alert-channels';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

/** `GET /api/alerts/channels`: every channel, targets that hold secrets masked. */
export async function GET() {
  return NextResponse.json({ items: await listAlertChannels() }, { headers: { 'Cache-Control': 'no-store' } });
}

/** `POST /api/alerts/channels {"kind", "target", "name"?, "sendsAlerts"?, "digest"?}` → 201, the target masked. */
export async function POST(request: Request) {
  const body = await parseJsonBody(request, createAlertChannelBodySchema, {
    code: 'invalid_channel',
    example: 'Send {"kind": "email", "target": "ops@example.com", "name": "Operations"}.',
  });
  if (!body.ok) return body.response;
  const created = await createAlertChannel({ body: body.value });
  if (!created.ok) return errorResponse(created.status, created.code, created.message);
  await recordAuditEntry({
    request,
    action: 'alert_channel.create',
    target: { type: 'alert_channel', id: created.channel.id },
    detail: { kind: created.channel.kind },
  });
  return NextResponse.json(created.channel, { status: 201, headers: { 'Cache-Control': 'no-store' } });
}
