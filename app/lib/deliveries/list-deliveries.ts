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
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
  };
}
