import 'server-only';
import { parseStringList } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { queueJobs } from './subscription-delivery-queue';
import type { ResendBody } from './subscription-schemas';
import { kickSubscriptionDeliveries } from './subscription-worker';

/** Most events one resend queues: a wider `since` is refused with what to do. */
export const MAX_RESEND_EVENTS = 10_000;

export type ResendResult =
  { ok: true; queued: number } | { ok: false; status: 404 | 409; code: string; message: string };

/**
 * Sends events again: one by id (whatever its type), or every event of the subscription's types recorded since a
 * time. Each is queued as new (same webhook-id, attempts from the start), in order per envelope, and sent at once.
 */
export async function resendSubscriptionEvents(
  subscriptionId: string,
  body: ResendBody,
  now: Date = new Date(),
): Promise<ResendResult> {
  const subscription = await prisma.subscription.findUnique({ where: { id: subscriptionId } });
  if (!subscription) {
    return { ok: false, status: 404, code: 'not_found', message: 'No subscription has this id.' };
  }
  const types = parseStringList(subscription.types);
  const select = { position: true, id: true, envelopeId: true } as const;
  const events =
    'eventId' in body
      ? await prisma.feedEvent.findMany({ where: { id: body.eventId }, select })
      : await prisma.feedEvent.findMany({
          where: { recordedAt: { gte: body.since }, ...(types.length > 0 ? { type: { in: types } } : {}) },
          orderBy: { position: 'asc' },
          take: MAX_RESEND_EVENTS + 1,
          select,
        });
  if ('eventId' in body && events.length === 0) {
    return {
      ok: false,
      status: 404,
      code: 'event_not_found',
      message: `No event ${body.eventId} is kept (events are kept for EVENT_RETENTION_DAYS). GET /api/events lists them.`,
    };
  }
  if (events.length > MAX_RESEND_EVENTS) {
    return {
      ok: false,
      status: 409,
      code: 'too_many_events',
      message: `More than ${MAX_RESEND_EVENTS.toLocaleString('en')} events since then: choose a later "since" and resend in parts.`,
    };
  }
  await queueJobs(subscriptionId, events, now, { requeue: true });
  void kickSubscriptionDeliveries();
  return { ok: true, queued: events.length };
}
