import 'server-only';
import { decodeListCursor, defaultOrderFor, type EnvelopeListCursor, type EnvelopeOrder } from './envelope-list-order';
import type { EnvelopeListItem } from './envelope-list-schema';
import type { EnvelopeFilters } from './envelope-schemas';
import { IdHashSet } from './id-hash-set';
import { loadEnvelopePage } from './list-envelopes';

/**
 * The whole of a view (every page, not just the one on screen), a batch at a time, for the exports: memory stays flat
 * whatever its size.
 *
 * Pages are read one after another, not in one transaction (that would hold up webhooks on SQLite): an envelope
 * with new activity meanwhile may move behind the reading position (to the top of the newest-first list, or to
 * another status), so the first pass takes the envelopes as they stood at the start (last activity up to then) and a
 * second pass reads those that moved or arrived since and still match. Each envelope comes once, as it was when read:
 * the ids written are remembered as hashes, about 16 bytes each (40 MB for 2.5 million envelopes).
 */
export async function* readEnvelopeView(options: {
  filters: EnvelopeFilters;
  /** The list's order; the view's default unless told. */
  order?: EnvelopeOrder;
  batchSize: number;
  /** When the export started. */
  startedAt: Date;
}): AsyncGenerator<EnvelopeListItem[]> {
  const { filters, batchSize, startedAt } = options;
  const order = options.order ?? defaultOrderFor(filters);
  const passes: EnvelopeFilters[] = [{ ...filters, to: filters.to && filters.to < startedAt ? filters.to : startedAt }];
  if (!filters.to || filters.to > startedAt) {
    const justAfterStart = new Date(startedAt.getTime() + 1);
    passes.push({ ...filters, from: filters.from && filters.from > justAfterStart ? filters.from : justAfterStart });
  }
  const seen = new IdHashSet();
  for (const pass of passes) {
    let after: EnvelopeListCursor | undefined;
    do {
      const page = await loadEnvelopePage({ filters: pass, order, after, limit: batchSize, now: startedAt });
      const fresh = page.items.filter((envelope) => !seen.has(envelope.id));
      for (const envelope of fresh) seen.add(envelope.id);
      // The first batch comes even when empty, so a consumer can write its header.
      if (fresh.length > 0 || seen.size === 0) yield fresh;
      after = page.nextCursor ? (decodeListCursor(page.nextCursor) ?? undefined) : undefined;
    } while (after);
  }
}
