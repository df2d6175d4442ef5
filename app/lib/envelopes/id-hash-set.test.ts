import { describe, expect, it } from 'vitest';
import { IdHashSet } from './id-hash-set';

describe('IdHashSet', () => {
  it('remembers every id added, across growth, and no other', () => {
    const set = new IdHashSet();
    for (let index = 0; index < 50_000; index += 2) set.add(`envelope-${index}`);
    set.add('envelope-0');
    expect(set.size).toBe(25_000);
    for (let index = 0; index < 50_000; index++) expect(set.has(`envelope-${index}`)).toBe(index % 2 === 0);
    expect(set.has('')).toBe(false);
  });
});
