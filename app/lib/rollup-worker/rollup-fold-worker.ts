import 'server-only';
import { foldRollupChanges } from '@/app/lib/envelopes/rollups/fold-rollup-changes';
import { indexSearchChanges } from '@/app/lib/envelopes/search/index-search-changes';
import { isIngestSaturated } from '@/app/lib/webhooks/ingest-pressure';

/** Envelopes one round folds: a backlog after the migration goes in rounds that leave the writer free between. */
const ROLLUP_FOLD_LIMIT = 20_000;
/** Changed texts one round takes into PostgreSQL's search index, likewise. */
const SEARCH_INDEX_LIMIT = 20_000;
/** While a flood saturates the process, folds wait, but never longer than this. */
const MAX_DELAY_MS = 10_000;

type Worker = { lastFoldAt: number; fold: Promise<unknown> | null };
const GLOBAL_KEY = '__envelopeTrackerRollupFoldWorker';

function worker(): Worker {
  const holder = globalThis as { [GLOBAL_KEY]?: Worker };
  return (holder[GLOBAL_KEY] ??= { lastFoldAt: 0, fold: null });
}

/**
 * One round of the background fold (the server calls it every second), followed by the search index's round, which
 * takes changed texts in the same way (PostgreSQL). Answering the signing service comes first:
 * while a flood saturates the process (ingest-pressure.ts) rounds wait, up to MAX_DELAY_MS, and an envelope changed
 * many times meanwhile is folded once. A page that reads the rollups folds what is pending itself, so it is never
 * behind.
 */
export function foldRollupsWhenQuiet(now = Date.now(), saturated = isIngestSaturated()): void {
  const state = worker();
  if (state.fold) return;
  if (saturated && now - state.lastFoldAt < MAX_DELAY_MS) return;
  state.lastFoldAt = now;
  state.fold = foldRollupChanges({ limit: ROLLUP_FOLD_LIMIT })
    .catch((error: unknown) => console.error('Rollup fold failed:', error))
    .then(() => indexSearchChanges({ limit: SEARCH_INDEX_LIMIT }))
    .catch((error: unknown) => console.error('Search index round failed:', error))
    .finally(() => (state.fold = null));
}

/** Resolves once a round in progress has finished (shutting down). */
export async function stopRollupFolds(): Promise<void> {
  await worker().fold;
}
