import { documentCountOf, type TrigramFrequencies } from './trigram-frequencies';

/** Trigram indexes cannot look up fewer characters than this. */
export const MIN_INDEXED_SEARCH_LENGTH = 3;

/**
 * Below this many sampled texts the frequencies say too little (a new installation, where every search is fast
 * anyway): the whole term is looked up, an e-mail address by its local part.
 */
export const MIN_SAMPLE_SIZE = 200;

/** Longer parts never pay: each trigram more adds its whole index entry to read and the candidates are already few. */
const MAX_PART_LENGTH = 24;

/** The shortest part worth choosing when the term allows: one rare trigram alone still leaves many candidates. */
const PREFERRED_MIN_PART_LENGTH = 5;

/**
 * What a candidate costs against what reading one index entry costs: it is fetched and its text tested against the
 * whole term.
 */
const CANDIDATE_COST = 30;

/** Letters and digits: PostgreSQL's pg_trgm takes words of these alone, so a part never crosses anything else. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * The part of a search term to look up in the trigram index; the whole term is then checked on the candidates.
 *
 * A trigram index lookup reads the index entry of every trigram of the part, and an entry lists every envelope
 * holding that trigram. Parts most envelopes share ("k-2026-" of every contract number, the names in e-mail
 * addresses, a company's domain) cost reading an entry per envelope, so a search grows with the database; the rare
 * part ("1750011") reads short entries and narrows the candidates to a few. The part chosen minimises, by the sampled
 * frequencies, the entries read plus the candidates expected (taking the trigrams as independent).
 */
export function chooseIndexedPart(term: string, frequencies: TrigramFrequencies | null): string {
  if (!frequencies || frequencies.sampleSize < MIN_SAMPLE_SIZE) return localPartOf(term);
  const runs = [...term.matchAll(WORD_RUN)].map((match) => match[0]).filter((run) => run.length >= 3);
  if (runs.length === 0) return term;
  const longestRun = Math.max(...runs.map((run) => run.length));
  const minLength = Math.min(PREFERRED_MIN_PART_LENGTH, longestRun);
  const share = (trigram: string) => (documentCountOf(frequencies, trigram) + 0.5) / (frequencies.sampleSize + 1);

  let best = term;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const run of runs) {
    for (let start = 0; start + minLength <= run.length; start++) {
      let entriesRead = 0;
      let candidateShare = 1;
      const seen = new Set<string>();
      for (let end = start + 3; end <= Math.min(run.length, start + MAX_PART_LENGTH); end++) {
        const trigram = run.slice(end - 3, end);
        if (!seen.has(trigram)) {
          seen.add(trigram);
          entriesRead += share(trigram);
          candidateShare *= share(trigram);
        }
        if (end - start < minLength) continue;
        const cost = entriesRead + CANDIDATE_COST * candidateShare;
        if (cost < bestCost) {
          bestCost = cost;
          best = run.slice(start, end);
        }
      }
    }
  }
  return best;
}

/**
 * An e-mail domain is shared by many recipients (every envelope of a company), so its trigrams point at most
 * envelopes; the part before the @ is what tells recipients apart.
 */
function localPartOf(term: string): string {
  const at = term.indexOf('@');
  return at >= MIN_INDEXED_SEARCH_LENGTH ? term.slice(0, at + 1) : term;
}
