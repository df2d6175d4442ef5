import 'server-only';
import { foldRollupChanges } from '@/app/lib/envelopes/rollups/fold-rollup-changes';
import { whenChangesStored } from '@/app/lib/webhooks/ingest-notification';

/** Envelopes one round folds: a backlog after the migration goes in rounds that leave the writer free between. */
const ROLLUP_FOLD_LIMIT = 20_000;
/** While notifications keep being stored, a round waits for a pause this long, but never longer than the maximum. */
const QUIET_MS = 1_000;
const MAX_DELAY_MS = 10_000;

type Worker = { lastChangesStoredAt: number; lastFoldAt: number; fold: Promise<unknown> | null };
const GLOBAL_KEY = '__envelopeTrackerRollupFoldWorker';

function worker(): Worker {
  const holder = globalThis as { [GLOBAL_KEY]?: Worker };
  if (!holder[GLOBAL_KEY]) {
    const state: Worker = (holder[GLOBAL_KEY] = { lastChangesStoredAt: 0, lastFoldAt: 0, fold: null });
    whenChangesStored(() => (state.lastChangesStoredAt = Date.now()));
  }
  return holder[GLOBAL_KEY];
}

/**
 * One round of the background fold (the server calls it every second). Answering the signing service comes first:
 * under load a round waits for a pause in stored notifications, up to MAX_DELAY_MS, and an envelope changed many
 * times meanwhile is folded once. A page that reads the rollups folds what is pending itself, so it is never behind.
 */
export function foldRollupsWhenQuiet(now = Date.now()): void {
  const state = worker();
  if (state.fold) return;
  if (now - state.lastChangesStoredAt < QUIET_MS && now - state.lastFoldAt < MAX_DELAY_MS) return;
  state.lastFoldAt = now;
  state.fold = foldRollupChanges({ limit: ROLLUP_FOLD_LIMIT })
    .catch((error: unknown) => console.error('Rollup fold failed:', error))
    .finally(() => (state.fold = null));
}

/** Resolves once a round in progress has finished (shutting down). */
export async function stopRollupFolds(): Promise<void> {
  await worker().fold;
}
