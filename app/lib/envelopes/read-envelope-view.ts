import 'server-only';
import { streamReadSnapshot } from '@/app/lib/db/stream-read-snapshot';
import { decodeListCursor, defaultOrderFor, type EnvelopeListCursor, type EnvelopeOrder } from './envelope-list-order';
import type { EnvelopeListItem } from './envelope-list-schema';
import type { EnvelopeFilters } from './envelope-schemas';
import { loadEnvelopePage } from './list-envelopes';

/**
 * The whole of a view (every page, not just the one on screen), a batch at a time, for the exports: memory stays flat
 * whatever its size. Every page is read in one snapshot of the database (streamReadSnapshot), so the view is the one
 * of the moment the export began: each envelope comes once and as it stood then, even when it gets news and moves
 * in the list meanwhile; envelopes that arrive meanwhile are left for the next export.
 */
export async function* readEnvelopeView(options: {
  filters: EnvelopeFilters;
  /** The list's order; the view's default unless told. */
  order?: EnvelopeOrder;
  batchSize: number;
  /** When the export started: "expiring within N days" counts from then. */
  startedAt: Date;
}): AsyncGenerator<EnvelopeListItem[]> {
  const { filters, batchSize, startedAt } = options;
  const order = options.order ?? defaultOrderFor(filters);
  yield* streamReadSnapshot<EnvelopeListItem[]>(async (db, emit) => {
    let after: EnvelopeListCursor | undefined;
    let first = true;
    do {
      const page = await loadEnvelopePage({ db, filters, order, after, limit: batchSize, now: startedAt });
      // The first batch comes even when empty, so a consumer can write its header.
      if (page.items.length > 0 || first) await emit(page.items);
      first = false;
      after = page.nextCursor ? (decodeListCursor(page.nextCursor) ?? undefined) : undefined;
    } while (after);
  });
}
