import 'server-only';
import type { EnvelopeFilters } from '../envelope-schemas';
import { chooseIndexedPart } from './choose-indexed-part';
import { getTrigramFrequencies } from './get-trigram-frequencies';

/** A search term (lower-cased) and the part of it the trigram index is asked for. */
export type SearchLookup = { term: string; indexedPart: string };

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
  const frequencies = await getTrigramFrequencies();
  const lookup = (term: string): SearchLookup | null =>
    term ? { term, indexedPart: chooseIndexedPart(term, frequencies) } : null;
  return { q: lookup(q), waitingOn: lookup(waitingOn) };
}
