import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toEnvelopeSummary } from './list-envelopes';

/** One envelope with its recipients and its whole timeline, oldest event first; null if unknown. */
export async function getEnvelopeById(options: { id: string }) {
  const row = await prisma.envelope.findUnique({
    where: { id: options.id },
    include: {
      recipients: { orderBy: [{ recipientOrder: 'asc' }, { id: 'asc' }] },
      events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) return null;
  return {
    ...toEnvelopeSummary(row),
    events: row.events.map((event) => ({
      id: event.id,
      action: event.action,
      occurredAt: event.occurredAt.toISOString(),
      recipientEmail: event.recipientEmail,
      recipientOrder: event.recipientOrder,
      isFinishCallback: event.isFinishCallback,
      customValues: event.customValues as Record<string, string>,
      duplicateCount: event.duplicateCount,
      lastDuplicateAt: event.lastDuplicateAt?.toISOString() ?? null,
      deliveryId: event.deliveryId,
    })),
  };
}

export type EnvelopeDetail = NonNullable<Awaited<ReturnType<typeof getEnvelopeById>>>;
