import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { replayDelivery } from '@/app/lib/deliveries/replay-delivery';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const result = await replayDelivery({ deliveryId: id });
  if (result.ok || result.deliveryId) {
    await recordAuditEntry({
      request,
      action: 'delivery.replay',
      target: { type: 'delivery', id },
      outcome: result.ok ? 'success' : 'refused',
      detail: { copy: result.deliveryId, ...(result.ok ? { envelopeId: result.envelopeId } : { code: result.code }) },
    });
  }
  if (!result.ok) {
    // A replay refused again is logged too: its id lets the page show that copy.
    if (!result.deliveryId) return errorResponse(result.status, result.code, result.message);
    return NextResponse.json(
      { error: { code: result.code, message: result.message }, deliveryId: result.deliveryId },
      { status: result.status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return NextResponse.json({
    ok: true,
    deliveryId: result.deliveryId,
    envelopeId: result.envelopeId,
    duplicate: result.duplicate,
  });
}
