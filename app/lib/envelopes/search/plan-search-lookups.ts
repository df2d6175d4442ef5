import 'server-only';
import type { EnvelopeFilters } from '../envelope-schemas';
import { bringSearchIndexUpToDate } from './bring-search-index-up-to-date';
import { chooseIndexedPart } from './choose-indexed-part';
import { getTrigramFrequencies } from './get-trigram-frequencies';

/**
 * A search term (lower-cased), the part of it the trigram index is asked for, and whether the index may be asked
 * (false while PostgreSQL's index has a backlog to take in: the envelopes' own text is read instead).
 */
export type SearchLookup = { term: string; indexedPart: string; useIndex: boolean };

/** The view's two searches: its search term and who its envelopes wait on. */
export type SearchLookups = { q: SearchLookup | null; waitingOn: SearchLookup | null };

export const NO_SEARCH: SearchLookups = { q: null, waitingOn: null };

/** The search text is stored lower-cased; so is the term. */
export const normalizeSearchTerm = (q: string): string => q.trim().toLowerCase();

/** How the view's search terms are looked up, by how common their parts are in the newest envelopes. */
export async function planSearchLookups(filters: Pick<EnvelopeFilters, 'q' | 'waitingOn'>): Promise<SearchLookups> {
  const q = filters.q ? normalizeSearchTerm(filters.q) : '';
  const waitingOn = filters.waitingOn ? normalizeSearchTerm(filters.waitingOn) : '';
  if (!q && !waitingOn) return NO_SEARCH;
  const [frequencies, useIndex] = await Promise.all([getTrigramFrequencies(), bringSearchIndexUpToDate()]);
  const lookup = (term: string): SearchLookup | null =>
    term ? { term, indexedPart: chooseIndexedPart(term, frequencies), useIndex } : null;
  return { q: lookup(q), waitingOn: lookup(waitingOn) };
}
