import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { alertChannelNotFound } from '@/app/lib/alerts/alert-not-found';
import { updateAlertChannelBodySchema } from '@/app/lib/alerts/alert-schemas';
import { deleteAlertChannel } from '@/app/lib/alerts/delete-alert-channel';
import { getAlertChannel } from '@/app/lib/alerts/get-alert-channel';
import { updateAlertChannel } from '@/app/lib/alerts/update-alert-channel';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const missing = () => {
  const notFound = alertChannelNotFound();
  return errorResponse(notFound.status, notFound.code, notFound.message);
};

/** `GET /api/alerts/channels/<id>`. */
export async function GET(_request: Request, context: Context) {
  const channel = await getAlertChannel({ id: (await context.params).id });
  if (!channel) return missing();
  return NextResponse.json(channel, { headers: { 'Cache-Control': 'no-store' } });
}

/** `PATCH /api/alerts/channels/<id> {"name"?, "target"?, "sendsAlerts"?, "digest"?}`. */
export async function PATCH(request: Request, context: Context) {
  const body = await parseJsonBody(request, updateAlertChannelBodySchema, {
    code: 'invalid_channel',
    example: 'Send {"digest": {"time": "08:30", "timeZone": "Europe/Bucharest"}} or the fields to change.',
  });
  if (!body.ok) return body.response;
  const result = await updateAlertChannel({ id: (await context.params).id, body: body.value });
  if (!result.ok) return errorResponse(result.status, result.code, result.message);
  await recordAuditEntry({
    request,
    action: 'alert_channel.update',
    target: { type: 'alert_channel', id: result.channel.id },
    detail: { changed: Object.keys(body.value) },
  });
  return NextResponse.json(result.channel, { headers: { 'Cache-Control': 'no-store' } });
}

/** `DELETE /api/alerts/channels/<id>`: the channel and its messages; rules keep their other channels. */
export async function DELETE(request: Request, context: Context) {
  const { id } = await context.params;
  if (!(await deleteAlertChannel({ id }))) return missing();
  await recordAuditEntry({ request, action: 'alert_channel.delete', target: { type: 'alert_channel', id } });
  return new NextResponse(null, { status: 204 });
}
