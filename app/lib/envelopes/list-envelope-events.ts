import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { encodeCursor, type Cursor } from '@/app/lib/api/cursor';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import {
  EVENT_CUSTOM_VALUES_SHOWN,
  EVENT_SOURCES,
  EVENT_CUSTOM_VALUE_CHARS,
  NOTIFICATION_PREVIEW_CHARS,
  workstepEventDetailsSchema,
  type EnvelopeEvent,
} from './envelope-detail-schema';

/** Events per page of a timeline: the envelope page shows the newest page and loads older ones on request. */
export const EVENT_PAGE_SIZE = 50;

export type EventPage = { items: EnvelopeEvent[]; olderCursor: string | null };

/**
 * One page of an envelope's timeline, newest first from `before` (or from the latest event), returned oldest first.
 * A request body can be 64 KiB and an envelope thousands of events long, so neither is ever loaded whole: the
 * database cuts each request to its preview, and custom values are cut to what the answer carries.
 */
export async function listEnvelopeEvents(options: {
  envelopeId: string;
  before?: Cursor;
  limit?: number;
}): Promise<EventPage> {
  const limit = options.limit ?? EVENT_PAGE_SIZE;
  const { before } = options;
  const rows = await prisma.event.findMany({
    where: {
      envelopeId: options.envelopeId,
      ...(before
        ? {
            OR: [{ occurredAt: { lt: before.at } }, { occurredAt: before.at, id: { lt: Number(before.id) } }],
          }
        : {}),
    },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    omit: { dedupeKey: true },
  });
  const page = rows.slice(0, limit);
  const previews = await loadRequestPreviews(page.flatMap((event) => (event.deliveryId ? [event.deliveryId] : [])));
  const oldest = page.at(-1);
  return {
    items: page.reverse().map((event) => ({
      id: event.id,
      action: event.action,
      occurredAt: event.occurredAt.toISOString(),
      recipientEmail: event.recipientEmail,
      recipientOrder: event.recipientOrder,
      isFinishCallback: event.isFinishCallback,
      source: EVENT_SOURCES.find((source) => source === event.source) ?? 'notification',
      customValues: shownCustomValues(event.customValues),
      details: workstepDetails(event.details),
      duplicateCount: event.duplicateCount,
      lastDuplicateAt: event.lastDuplicateAt?.toISOString() ?? null,
      deliveryId: event.deliveryId,
      notification: (event.deliveryId && previews.get(event.deliveryId)) || null,
    })),
    olderCursor: rows.length > limit && oldest ? encodeCursor({ at: oldest.occurredAt, id: String(oldest.id) }) : null,
  };
}

type PreviewRow = {
  id: string;
  receivedAt: Date;
  method: string;
  contentType: string | null;
  query: string;
  body: string | null;
  queryLength: number | bigint;
  bodyLength: number | bigint | null;
};

async function loadRequestPreviews(deliveryIds: string[]): Promise<Map<string, EnvelopeEvent['notification']>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<PreviewRow[]>`
    SELECT "id", "receivedAt", "method", "contentType",
      substr("query", 1, ${NOTIFICATION_PREVIEW_CHARS}) AS "query", substr("body", 1, ${NOTIFICATION_PREVIEW_CHARS}) AS "body",
      length("query") AS "queryLength", length("body") AS "bodyLength"
    FROM "Delivery" WHERE "id" IN (${Prisma.join([...new Set(deliveryIds)])})`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        deliveryId: row.id,
        receivedAt: new Date(row.receivedAt).toISOString(),
        method: row.method,
        contentType: row.contentType,
        query: row.query,
        body: row.body,
        truncated:
          Number(row.queryLength) > row.query.length || (row.body !== null && Number(row.bodyLength) > row.body.length),
      },
    ]),
  );
}

// JSON columns as stored: anything else (a row written by hand, an older shape) reads as empty rather than failing.
const storedDetails = workstepEventDetailsSchema.nullable().catch(null);

/** An event's custom values as the answer carries them: the first few, each cut short (the request has them all). */
function shownCustomValues(stored: Prisma.JsonValue): Record<string, string> {
  const shown = Object.entries(parseStringRecord(stored))
    .slice(0, EVENT_CUSTOM_VALUES_SHOWN)
    .map(([key, value]) => [key, value.slice(0, EVENT_CUSTOM_VALUE_CHARS)] as const);
  return Object.fromEntries(shown);
}

function workstepDetails(stored: Prisma.JsonValue): EnvelopeEvent['details'] {
  return storedDetails.parse(stored);
}
