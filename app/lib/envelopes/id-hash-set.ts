/**
 * A set of strings kept as 53-bit hashes in one Float64Array (open addressing): about 16 bytes per entry instead of
 * the 60–70 a Set of the strings takes, so an export of millions of envelopes remembers which it wrote in tens of
 * megabytes. Two different ids share a hash with a chance of about one in 10^15 per pair; `has` may then answer
 * true for an id never added, which the caller accepts.
 */
export class IdHashSet {
  private slots = new Float64Array(1024).fill(Number.NaN);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(id: string): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    if (insert(this.slots, hash53(id))) this.count++;
  }

  has(id: string): boolean {
    const hash = hash53(id);
    const mask = this.slots.length - 1;
    for (let index = hash % this.slots.length; ; index = (index + 1) & mask) {
      const slot = this.slots[index]!;
      if (Number.isNaN(slot)) return false;
      if (slot === hash) return true;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(Number.NaN);
    for (const hash of old) if (!Number.isNaN(hash)) insert(this.slots, hash);
  }
}

/** Places `hash` in the table (a power of two in size, never full); false when it was there already. */
function insert(slots: Float64Array, hash: number): boolean {
  const mask = slots.length - 1;
  for (let index = hash % slots.length; ; index = (index + 1) & mask) {
    const slot = slots[index]!;
    if (slot === hash) return false;
    if (Number.isNaN(slot)) {
      slots[index] = hash;
      return true;
    }
  }
}

/** cyrb53: two 32-bit multiplicative hashes of the UTF-16 code units, combined into 53 bits. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
