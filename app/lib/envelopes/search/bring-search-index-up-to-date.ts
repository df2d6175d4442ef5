import 'server-only';
import { getDatabaseProvider } from '@/app/lib/db/prisma';
import { hasSearchChanges, indexSearchChanges } from './index-search-changes';

/** More than this many changed envelopes is a backlog (a bulk import): a search does not wait for it. */
const SEARCH_CATCH_UP_LIMIT = 5_000;

let catchingUp: Promise<boolean> | null = null;

/**
 * Takes what is pending into the search index so a search finds every committed change (the background round usually
 * leaves nothing). False when a backlog remains: the search then reads the envelopes' own text, without the index.
 */
export async function bringSearchIndexUpToDate(): Promise<boolean> {
  if (getDatabaseProvider() !== 'postgresql') return true;
  if (!(await hasSearchChanges())) return true;
  // Searches arriving together share one round instead of queueing behind each other's.
  catchingUp ??= indexSearchChanges({ limit: SEARCH_CATCH_UP_LIMIT })
    .then(({ pending }) => !pending)
    .finally(() => (catchingUp = null));
  return catchingUp;
}
