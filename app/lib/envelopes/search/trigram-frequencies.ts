/**
 * In how many texts of a sample each trigram (three characters in a row) occurs: an estimate of how many envelopes
 * the search index holds under it, which is what reading that trigram from the index costs.
 */
export type TrigramFrequencies = {
  sampleSize: number;
  /** By trigramKey. */
  documentCounts: ReadonlyMap<number, number>;
};

/**
 * Three characters as one small integer, ten bits of each: counting a sample then allocates nothing per character
 * (strings took twice as long for a thousand texts of a thousand characters). Characters past U+03FF share their key
 * with others, which only makes their trigrams look a little more common than they are.
 */
export const trigramKey = (text: string, start: number): number =>
  ((text.charCodeAt(start) & 1023) << 20) |
  ((text.charCodeAt(start + 1) & 1023) << 10) |
  (text.charCodeAt(start + 2) & 1023);

export function documentCountOf(frequencies: TrigramFrequencies, trigram: string): number {
  return trigram.length === 3 ? (frequencies.documentCounts.get(trigramKey(trigram, 0)) ?? 0) : 0;
}

/** Counts texts one at a time, so a caller can let other work run between them. */
export class TrigramCounter {
  private readonly documentCounts = new Map<number, number>();
  /** The text in which each trigram was last counted, so a text counts each of its trigrams once. */
  private readonly lastText = new Map<number, number>();
  private texts = 0;

  add(text: string): void {
    const textIndex = this.texts++;
    for (let start = 0; start + 3 <= text.length; start++) {
      const key = trigramKey(text, start);
      if (this.lastText.get(key) === textIndex) continue;
      this.lastText.set(key, textIndex);
      this.documentCounts.set(key, (this.documentCounts.get(key) ?? 0) + 1);
    }
  }

  result(): TrigramFrequencies {
    return { sampleSize: this.texts, documentCounts: this.documentCounts };
  }
}
