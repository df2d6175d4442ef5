import { describe, expect, it } from 'vitest';
import { isAddressAllowed } from '@/app/lib/hooks/allowed-networks';
import { parseAllowedNetworks, parseStringList, parseStringRecord } from './json-columns';

// What a JSON column can hold when something other than the app wrote it.
const MALFORMED = [{}, null, 'x', [1, 2], 7, true, ['10.0.0.0/8', 5], { 0: '10.0.0.0/8' }];

describe('parseStringList', () => {
  it('reads a list of strings as it is', () => {
    expect(parseStringList(['10.0.0.0/8', '::1/128'])).toEqual(['10.0.0.0/8', '::1/128']);
    expect(parseStringList([])).toEqual([]);
  });

  it('reads anything else as [] instead of throwing', () => {
    for (const stored of [...MALFORMED, undefined]) expect(parseStringList(stored)).toEqual([]);
  });
});

describe('parseAllowedNetworks', () => {
  it('reads a list of strings as it is, the empty list ("any network") included', () => {
    expect(parseAllowedNetworks(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
    expect(parseAllowedNetworks([])).toEqual([]);
  });

  it('reads anything else as null, which lets no address through: an unreadable allow-list never opens a hook', () => {
    for (const stored of MALFORMED) {
      expect(parseAllowedNetworks(stored)).toBeNull();
      expect(isAddressAllowed('127.0.0.1', parseAllowedNetworks(stored))).toBe(false);
      expect(isAddressAllowed('10.1.2.3', parseAllowedNetworks(stored))).toBe(false);
    }
    expect(isAddressAllowed('10.1.2.3', parseAllowedNetworks(['10.0.0.0/8']))).toBe(true);
    expect(isAddressAllowed('10.1.2.3', parseAllowedNetworks([]))).toBe(true);
  });
});

describe('parseStringRecord', () => {
  it('reads an object of strings as it is', () => {
    expect(parseStringRecord({ 'content-type': 'application/json', test: '1' })).toEqual({
      'content-type': 'application/json',
      test: '1',
    });
  });

  it('keeps the string entries of an object and leaves the others out', () => {
    expect(parseStringRecord({ a: 'b', n: 1, o: { p: 'q' }, l: ['x'], z: null })).toEqual({ a: 'b' });
  });

  it('reads anything but an object as {} instead of throwing', () => {
    for (const stored of [null, 'x', [1, 2], ['a'], 7, true, undefined]) expect(parseStringRecord(stored)).toEqual({});
  });

  it('keeps a stored "__proto__" key as a plain entry, without touching any prototype', () => {
    const read = parseStringRecord(JSON.parse('{"__proto__": "x", "polluted": "no"}'));
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(read.polluted).toBe('no');
  });
});
