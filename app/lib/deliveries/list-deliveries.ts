import 'server-only';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import { encodeCursor } from '@/app/lib/api/cursor';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import type { ListDeliveriesQuery } from './delivery-schemas';

/** The delivery log, newest first, a page at a time. */
export async function listDeliveries(query: ListDeliveriesQuery) {
  const where: Prisma.DeliveryWhereInput = {
    hookId: query.hook,
    outcome: query.outcome,
    envelopeId: query.envelope,
    ...(query.cursor
      ? {
          // The plain bound lets the (…, receivedAt, id) indexes start at the cursor; the OR alone made PostgreSQL
          // walk from the newest delivery and filter every row before it.
          receivedAt: { lte: query.cursor.at },
          OR: [{ receivedAt: { lt: query.cursor.at } }, { receivedAt: query.cursor.at, id: { lt: query.cursor.id } }],
        }
      : {}),
  };
  const rows = await prisma.delivery.findMany({
    where,
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const originalTimes = await receivedTimesOf(page.map((row) => row.replayOfId));
  return {
    items: page.map((row) => ({
      id: row.id,
      hookId: row.hookId,
      receivedAt: row.receivedAt.toISOString(),
      method: row.method,
      query: row.query,
      body: row.body,
      contentType: row.contentType,
      headers: parseStringRecord(row.headers),
      sourceAddress: row.sourceAddress,
      outcome: row.outcome,
      reason: row.reason,
      notice: row.notice,
      errorCode: row.errorCode,
      envelopeId: row.envelopeId,
      action: row.action,
      replayOfId: row.replayOfId,
      /** When the replayed original was received; null for an original, or when the original was purged. */
      replayOfReceivedAt: row.replayOfId ? (originalTimes.get(row.replayOfId) ?? null) : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
  };
}

/** When each of these deliveries was received (a purged one is left out). */
async function receivedTimesOf(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await prisma.delivery.findMany({
    where: { id: { in: wanted } },
    select: { id: true, receivedAt: true },
  });
  return new Map(rows.map((row) => [row.id, row.receivedAt.toISOString()]));
}

/** A replay's logged copy, for the notice the deliveries page shows after it; null for any other delivery. */
export async function getReplayedDelivery(id: string) {
  const row = await prisma.delivery.findUnique({
    where: { id },
    select: { id: true, receivedAt: true, outcome: true, reason: true, envelopeId: true, replayOfId: true },
  });
  if (!row?.replayOfId) return null;
  const originals = await receivedTimesOf([row.replayOfId]);
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    outcome: row.outcome,
    reason: row.reason,
    envelopeId: row.envelopeId,
    replayOfReceivedAt: originals.get(row.replayOfId) ?? null,
  };
}

export type ReplayedDelivery = NonNullable<Awaited<ReturnType<typeof getReplayedDelivery>>>;
