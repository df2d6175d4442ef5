import { describe, expect, it } from 'vitest';
import { generateHookId, parseHookIdList, validateHookId } from './hook-id';

describe('generateHookId', () => {
  it('makes 32 URL-safe characters that pass validation', () => {
    const id = generateHookId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(24);
    expect(validateHookId(id)).toBeNull();
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, generateHookId));
    expect(ids.size).toBe(1000);
  });
});

describe('validateHookId', () => {
  it('accepts 16 to 128 characters of [A-Za-z0-9_-]', () => {
    expect(validateHookId('abcdefghijklmnop')).toBeNull();
    expect(validateHookId('A-z_0'.repeat(25) + 'xyz')).toBeNull();
    expect(validateHookId('x'.repeat(128))).toBeNull();
  });

  it('explains a too-short id and how to make a new one', () => {
    expect(validateHookId('abc')).toBe(
      'Hook id "abc" is too short: use at least 16 characters of [A-Za-z0-9_-] (generate one with npm run hook:create).',
    );
    expect(validateHookId('')).toMatch(/^Hook id "" is too short/);
    expect(validateHookId('x'.repeat(15))).toMatch(/too short/);
  });

  it('explains a too-long id', () => {
    expect(validateHookId('x'.repeat(129))).toMatch(
      /too long \(129 characters\): use at most 128 characters.*hook:create/,
    );
  });

  it('names the first disallowed character', () => {
    expect(validateHookId('abcdefgh+ijklmnopq')).toBe(
      'Hook id "abcdefgh+ijklmnopq" contains characters other than [A-Za-z0-9_-] ("+" at position 9): ' +
        'use only letters, digits, _ and - (generate one with npm run hook:create).',
    );
    expect(validateHookId('abcdefgh ijklmnopq')).toMatch(/" " at position 9/);
    expect(validateHookId('abcdefghijklmnopé')).toMatch(/"é" at position 17/);
    expect(validateHookId('abcdefgh.ijklmnopq')).toMatch(/contains characters other than/);
  });

  it('never shows more than 20 characters of the id', () => {
    const secretTail = 'SECRETTAILSECRETTAIL';
    for (const id of [
      'abcdefghijklmnopqrst' + '!' + secretTail,
      'abcdefghijklmnopqrst' + secretTail.repeat(7),
      'abcdefghijklmnopqrst' + '😀' + secretTail,
    ]) {
      const message = validateHookId(id);
      expect(message).toContain('Hook id "abcdefghijklmnopqrst"… ');
      expect(message).not.toContain('SECRET');
      expect(message).not.toContain('😀');
    }
  });
});

describe('parseHookIdList', () => {
  const a = 'aaaaaaaaaaaaaaaa';
  const b = 'bbbbbbbbbbbbbbbbbbbb';

  it('treats an unset or blank value as no ids', () => {
    expect(parseHookIdList(undefined)).toEqual({ ids: [], errors: [] });
    expect(parseHookIdList(' , ,')).toEqual({ ids: [], errors: [] });
  });

  it('trims entries, skips empty ones and removes duplicates', () => {
    expect(parseHookIdList(` ${a} ,, ${b},${a},\n`)).toEqual({ ids: [a, b], errors: [] });
  });

  it('keeps the valid ids and reports each invalid one once', () => {
    const result = parseHookIdList(`${a},short,short,${b},bad id with spaces!`);
    expect(result.ids).toEqual([a, b]);
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^Hook id "short" is too short/);
    expect(result.errors[1]).toMatch(/^Hook id "bad id with spaces!" contains characters/);
  });
});
