import type { DeliveryOutcome } from '@/app/generated/prisma/sqlite/enums';
import type { Job, JobResult } from './apply-notifications';
import type { DeliveryRecord } from './delivery-record';

/** The delivery log's row for a notification a batch stored, as both database writers insert it. */
export type DeliveryInsert = Omit<DeliveryRecord, 'replayOfId'> & {
  id: string;
  outcome: DeliveryOutcome;
  errorCode: string | null;
  reason: string | null;
  notice: string | null;
  envelopeId: string;
  action: string;
  replayOfId: string | null;
  webhookId: string | null;
};

export function deliveryRow({ delivery, notification, deliveryId }: Job, result: JobResult): DeliveryInsert {
  return {
    ...delivery,
    id: deliveryId,
    outcome: result.refusal ? 'rejected' : result.duplicate ? 'duplicate' : 'accepted',
    errorCode: result.refusal?.code ?? null,
    reason: result.refusal?.message ?? null,
    notice: result.notices.length > 0 ? result.notices.join(' ') : null,
    envelopeId: notification.envelopeId,
    action: notification.action,
    replayOfId: delivery.replayOfId ?? null,
    webhookId: result.webhookId,
  };
}
