import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { encodeFeedCursor } from './feed-cursor';
import type { FeedQuery } from './feed-query-schema';
import { toFeedEventPayload, type FeedEventPayload } from './to-feed-event-payload';

/**
 * A page of the change feed in commit order, after the reader's cursor (from the oldest event kept when none), and
 * the cursor to continue from: always given, the same one when nothing new came.
 */
export async function listFeedEvents(query: FeedQuery): Promise<{ items: FeedEventPayload[]; nextCursor: string }> {
  const after = query.after ?? 0;
  const rows = await prisma.feedEvent.findMany({
    where: {
      position: { gt: after },
      ...(query.type ? { type: { in: query.type } } : {}),
      ...(query.envelope ? { envelopeId: query.envelope } : {}),
    },
    orderBy: { position: 'asc' },
    take: query.limit,
    select: { position: true, id: true, type: true, hookId: true, recordedAt: true, data: true },
  });
  const hookIds = [...new Set(rows.flatMap((row) => (row.hookId ? [row.hookId] : [])))];
  const hooks =
    hookIds.length > 0
      ? await prisma.hook.findMany({ where: { id: { in: hookIds } }, select: { id: true, name: true } })
      : [];
  const hookNames = new Map(hooks.map((hook) => [hook.id, hook.name]));
  const publicUrl = getPublicUrl();
  return {
    items: rows.map((row) =>
      toFeedEventPayload(row, { hookName: row.hookId ? (hookNames.get(row.hookId) ?? null) : null, publicUrl }),
    ),
    nextCursor: encodeFeedCursor(rows.at(-1)?.position ?? after),
  };
}
