import 'server-only';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import { getDatabaseProvider } from '@/app/lib/db/prisma';
import type { FeedEventDraft } from './feed-event-data';
import { FEED_LOCK_SQL } from './feed-lock';

/**
 * Stores events in the transaction that made their change, as its last write (the ingest writers have their own
 * twin). On PostgreSQL it takes the feed's lock first (feed-lock.ts), held until the transaction ends.
 */
export async function appendFeedEvents(tx: Transaction, drafts: readonly FeedEventDraft[]) {
  if (drafts.length === 0) return;
  if (getDatabaseProvider() === 'postgresql') await tx.$queryRawUnsafe(FEED_LOCK_SQL);
  await tx.feedEvent.createMany({
    data: drafts.map((draft) => ({
      id: draft.id,
      type: draft.type,
      envelopeId: draft.envelopeId,
      hookId: draft.hookId,
      occurredAt: draft.occurredAt,
      recordedAt: draft.recordedAt,
      data: draft.data,
    })),
  });
}
