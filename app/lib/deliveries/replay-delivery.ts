import 'server-only';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { whyNotReplayable } from './not-replayable';
import { ingestAndFollowUp } from '@/app/lib/webhooks/ingest-and-follow-up';
import type { IngestResult } from '@/app/lib/webhooks/ingest-notification';
import { parseNotification } from '@/app/lib/webhooks/parse-notification';
import { recordRejectedDelivery } from '@/app/lib/webhooks/record-rejected-delivery';

export type ReplayResult =
  | { ok: true; deliveryId: string; envelopeId: string; duplicate: boolean; ingest: IngestResult }
  | { ok: false; status: 404 | 409 | 422; code: string; message: string; deliveryId?: string };

/**
 * Processes a logged delivery again and logs the replay as a delivery of its own, received now (so the log shows it
 * first, marked as a replay of the original). The notification itself keeps its original time: its events are dated
 * as they first arrived. Idempotent: replaying a stored notification finds it a duplicate.
 */
export async function replayDelivery(options: { deliveryId: string; now?: Date }): Promise<ReplayResult> {
  const replayedAt = options.now ?? new Date();
  const original = await prisma.delivery.findUnique({ where: { id: options.deliveryId } });
  if (!original) return { ok: false, status: 404, code: 'not_found', message: 'No delivery has this id.' };
  if (whyNotReplayable(original.errorCode)) {
    return {
      ok: false,
      status: 409,
      code: 'not_replayable',
      message: `This delivery was refused by the hook's protection (${original.errorCode}) and cannot be replayed. Fix the sender and let it retry.`,
    };
  }
  const delivery = {
    hookId: original.hookId,
    receivedAt: original.receivedAt,
    method: original.method,
    query: original.query,
    body: original.body,
    contentType: original.contentType,
    headers: parseStringRecord(original.headers),
    sourceAddress: original.sourceAddress,
    replayOfId: original.id,
  };
  const parsed = parseNotification({ ...delivery, body: delivery.body });
  if (!parsed.ok) {
    const deliveryId = await recordRejectedDelivery({
      delivery: { ...delivery, receivedAt: replayedAt },
      errorCode: parsed.code,
      reason: parsed.message,
    });
    return { ok: false, status: 422, code: parsed.code, message: parsed.message, deliveryId };
  }
  const ingest = await ingestAndFollowUp({ delivery, notification: parsed.notification });
  // The ingest dates the row like the events, at the original time; the log's row is the replay, received now.
  await prisma.delivery.updateMany({ where: { id: ingest.deliveryId }, data: { receivedAt: replayedAt } });
  if (ingest.refusal) {
    return {
      ok: false,
      status: 409,
      code: ingest.refusal.code,
      message: ingest.refusal.message,
      deliveryId: ingest.deliveryId,
    };
  }
  return {
    ok: true,
    deliveryId: ingest.deliveryId,
    envelopeId: parsed.notification.envelopeId,
    duplicate: ingest.duplicate,
    ingest,
  };
}
