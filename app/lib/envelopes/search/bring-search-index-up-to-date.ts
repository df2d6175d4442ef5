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
  // Searches arriving together (a list page asks twice: its rows and its counts) share one check and one catch-up
  // instead of queueing behind each other's.
  catchingUp ??= (async () => {
    if (!(await hasSearchChanges())) return true;
    const { pending } = await indexSearchChanges({ limit: SEARCH_CATCH_UP_LIMIT });
    return !pending;
  })().finally(() => (catchingUp = null));
  return catchingUp;
}
