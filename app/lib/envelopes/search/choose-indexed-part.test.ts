import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseIndexedPart, MIN_SAMPLE_SIZE } from './choose-indexed-part';
import { documentCountOf, TrigramCounter } from './trigram-frequencies';

/** Search texts as the app builds them: envelope id, recipients' e-mails and names, custom values. */
function searchTexts(count: number): string[] {
  const names = ['anna.mueller', 'ion.popescu', 'maria.ionescu', 'jan.novak', 'eva.schmidt'];
  return Array.from({ length: count }, (_, index) => {
    const contract = `k-2026-${String((index * 7919) % 10_000_000).padStart(7, '0')}`;
    const email = `${names[index % names.length]}.${index}@bank.example.com`;
    return `env-${index.toString(16)}\n${email}\n${names[(index + 2) % names.length]!.replace('.', ' ')}\n${contract}`;
  });
}

function countTrigramFrequencies(texts: string[]) {
  const counter = new TrigramCounter();
  for (const text of texts) counter.add(text);
  return counter.result();
}

const frequencies = countTrigramFrequencies(searchTexts(1_000));

describe('chooseIndexedPart', () => {
  it('looks up the distinctive digits of a contract number, not the prefix every contract number shares', () => {
    const part = chooseIndexedPart('k-2026-1750011', frequencies);
    expect(part.length).toBeGreaterThanOrEqual(5);
    expect('1750011').toContain(part);
  });

  it('looks up neither the name nor the domain that many recipients share in an e-mail address', () => {
    const part = chooseIndexedPart('anna.mueller.123457@bank.example.com', frequencies);
    expect('123457').toContain(part);
  });

  it('takes a rare word whole when it is short', () => {
    expect(chooseIndexedPart('zyx', frequencies)).toBe('zyx');
  });

  it('looks up the whole term when no run of letters or digits is three long (nothing narrower to ask)', () => {
    expect(chooseIndexedPart('a.b-c', frequencies)).toBe('a.b-c');
  });

  it('without enough sampled texts, looks up the whole term, or an e-mail address by its local part', () => {
    const few = countTrigramFrequencies(searchTexts(MIN_SAMPLE_SIZE - 1));
    expect(chooseIndexedPart('k-2026-1750011', few)).toBe('k-2026-1750011');
    expect(chooseIndexedPart('anna.mueller.12@bank.example.com', null)).toBe('anna.mueller.12@');
  });

  it('always chooses a part of the term that the index can look up', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.boolean(), (raw, withSample) => {
        const term = raw.trim().toLowerCase();
        const part = chooseIndexedPart(term, withSample ? frequencies : null);
        expect(term).toContain(part);
        if (part !== term) expect(part.length).toBeGreaterThanOrEqual(3);
      }),
    );
  });
});

describe('TrigramCounter', () => {
  it('counts each trigram once per text however often the text repeats it', () => {
    const counted = countTrigramFrequencies(['aaaa', 'xaaa', 'bcd']);
    expect(counted.sampleSize).toBe(3);
    expect(documentCountOf(counted, 'aaa')).toBe(2);
    expect(documentCountOf(counted, 'bcd')).toBe(1);
    expect(documentCountOf(counted, 'xyz')).toBe(0);
    expect(documentCountOf(counted, 'cd')).toBe(0);
  });
});
