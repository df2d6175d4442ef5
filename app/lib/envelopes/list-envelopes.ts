import 'server-only';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import { encodeCursor } from '@/app/lib/api/cursor';
import { prisma } from '@/app/lib/db/prisma';
import type { ListEnvelopesQuery } from './envelope-schemas';

export function envelopeFilter(query: Omit<ListEnvelopesQuery, 'cursor' | 'limit'>): Prisma.EnvelopeWhereInput {
  return {
    status: query.status,
    hookId: query.hook,
    lastEventAt: query.from || query.to ? { gte: query.from, lte: query.to && endOfDayIfDate(query.to) } : undefined,
    searchText: query.q ? { contains: query.q.toLowerCase() } : undefined,
  };
}

// A bare date as `to` means "through that day".
function endOfDayIfDate(date: Date): Date {
  const isMidnight =
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0;
  return isMidnight ? new Date(date.getTime() + 86_399_999) : date;
}

/** Envelopes with the newest activity first, a page at a time (keyset pagination). */
export async function listEnvelopes(query: ListEnvelopesQuery) {
  const where: Prisma.EnvelopeWhereInput = {
    AND: [
      envelopeFilter(query),
      query.cursor
        ? {
            OR: [
              { lastEventAt: { lt: query.cursor.at } },
              { lastEventAt: query.cursor.at, id: { lt: query.cursor.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await prisma.envelope.findMany({
    where,
    orderBy: [{ lastEventAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { recipients: { orderBy: [{ recipientOrder: 'asc' }, { id: 'asc' }] } },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toEnvelopeSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.lastEventAt, id: last.id }) : null,
  };
}

type EnvelopeRow = Prisma.EnvelopeGetPayload<{ include: { recipients: true } }>;

export function toEnvelopeSummary(row: EnvelopeRow) {
  return {
    id: row.id,
    hookId: row.hookId,
    status: row.status,
    actionRequired: row.actionRequired,
    customValues: row.customValues as Record<string, string>,
    recipientCount: row.recipientCount,
    signedCount: row.signedCount,
    recipients: row.recipients.map(toRecipient),
    firstSeenAt: row.firstSeenAt.toISOString(),
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    lastEventAt: row.lastEventAt.toISOString(),
    lastAction: row.lastAction,
  };
}

export function toRecipient(row: EnvelopeRow['recipients'][number]) {
  return {
    order: row.recipientOrder,
    email: row.email,
    invitedAt: row.invitedAt?.toISOString() ?? null,
    firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
    openCount: row.openCount,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    rejectedAt: row.rejectedAt?.toISOString() ?? null,
    delegatedAt: row.delegatedAt?.toISOString() ?? null,
  };
}

export type EnvelopeSummary = ReturnType<typeof toEnvelopeSummary>;
