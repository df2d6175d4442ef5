import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { DeliveryRecord } from './delivery-record';

/** Keeps a refused request in the delivery log, with why, so a misconfigured sender can be diagnosed. */
export async function recordRejectedDelivery(options: {
  delivery: DeliveryRecord;
  errorCode: string;
  reason: string;
  envelopeId?: string | null;
  action?: string | null;
}): Promise<string> {
  const row = await prisma.delivery.create({
    data: {
      ...options.delivery,
      outcome: 'rejected',
      errorCode: options.errorCode,
      reason: options.reason,
      envelopeId: options.envelopeId?.slice(0, 200) ?? null,
      action: options.action?.slice(0, 200) ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
