import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

export type SubscriptionAttemptView = {
  id: number;
  eventId: string;
  eventType: string;
  attemptedAt: string;
  durationMs: number;
  statusCode: number | null;
  ok: boolean;
  error: string | null;
  responseExcerpt: string | null;
};

/** The subscription's latest attempts, newest first; null when there is no such subscription. */
export async function listSubscriptionAttempts(id: string, limit: number): Promise<SubscriptionAttemptView[] | null> {
  const exists = await prisma.subscription.count({ where: { id } });
  if (exists === 0) return null;
  const rows = await prisma.subscriptionAttempt.findMany({
    where: { subscriptionId: id },
    orderBy: [{ attemptedAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    attemptedAt: row.attemptedAt.toISOString(),
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    ok: row.ok,
    error: row.error,
    responseExcerpt: row.responseExcerpt,
  }));
}
