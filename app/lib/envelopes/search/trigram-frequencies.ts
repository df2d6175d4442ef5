/**
 * In how many texts of a sample each trigram (three characters in a row) occurs: an estimate of how many envelopes
 * the search index holds under it, which is what reading that trigram from the index costs.
 */
export type TrigramFrequencies = {
  sampleSize: number;
  documentCounts: ReadonlyMap<string, number>;
};

export function countTrigramFrequencies(texts: readonly string[]): TrigramFrequencies {
  const documentCounts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (let start = 0; start + 3 <= text.length; start++) seen.add(text.slice(start, start + 3));
    for (const trigram of seen) documentCounts.set(trigram, (documentCounts.get(trigram) ?? 0) + 1);
  }
  return { sampleSize: texts.length, documentCounts };
}
