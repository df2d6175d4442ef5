import { describe, expect, it } from 'vitest';
import { MAX_ZIP_SEGMENT_CHARS, safeZipSegment, uniqueZipName } from './zip-entry-names';

describe('safeZipSegment', () => {
  it('keeps ordinary names, diacritics included', () => {
    expect(safeZipSegment('Contract.pdf', 'x')).toBe('Contract.pdf');
    expect(safeZipSegment('Vertrag "Nr. 7" über.pdf', 'x')).toBe('Vertrag _Nr. 7_ über.pdf');
    expect(safeZipSegment('env-2026-01_ABC', 'x')).toBe('env-2026-01_ABC');
  });

  it('never leaves a path: separators, "..", leading slashes and dots go', () => {
    expect(safeZipSegment('../../etc/passwd', 'x')).toBe('_.._etc_passwd');
    expect(safeZipSegment('/abs/file.pdf', 'x')).toBe('_abs_file.pdf');
    expect(safeZipSegment('..\\..\\win.pdf', 'x')).toBe('_.._win.pdf');
    expect(safeZipSegment('..', 'fallback')).toBe('fallback');
    expect(safeZipSegment('.', 'fallback')).toBe('fallback');
    expect(safeZipSegment(' . ', 'fallback')).toBe('fallback');
    expect(safeZipSegment('.hidden.pdf', 'x')).toBe('hidden.pdf');
    expect(safeZipSegment('', 'fallback')).toBe('fallback');
  });

  it('replaces control characters, bidirectional overrides and what Windows refuses', () => {
    expect(safeZipSegment('a\u0000b\nc\u007fd\u0085e.pdf', 'x')).toBe('a_b_c_d_e.pdf');
    expect(safeZipSegment('invoice\u202Efdp.exe', 'x')).toBe('invoice_fdp.exe');
    expect(safeZipSegment('a:b*c?d<e>f|g.pdf', 'x')).toBe('a_b_c_d_e_f_g.pdf');
    expect(safeZipSegment('CON', 'x')).toBe('_CON');
    expect(safeZipSegment('lpt1.pdf', 'x')).toBe('_lpt1.pdf');
    expect(safeZipSegment('console.pdf', 'x')).toBe('console.pdf');
  });

  it('caps the length in characters, keeping the extension and whole surrogate pairs', () => {
    const long = safeZipSegment(`${'ă'.repeat(300)}.pdf`, 'x');
    expect(Array.from(long)).toHaveLength(MAX_ZIP_SEGMENT_CHARS);
    expect(long.endsWith('ă.pdf')).toBe(true);
    const emoji = safeZipSegment('😀'.repeat(200), 'x');
    expect(Array.from(emoji)).toHaveLength(MAX_ZIP_SEGMENT_CHARS);
    expect(emoji).toBe('😀'.repeat(MAX_ZIP_SEGMENT_CHARS));
  });
});

describe('uniqueZipName', () => {
  it('numbers a name already taken, letter case aside, before its extension', () => {
    const taken = new Set<string>();
    expect(uniqueZipName('Contract.pdf', taken)).toBe('Contract.pdf');
    expect(uniqueZipName('contract.PDF', taken)).toBe('contract (2).PDF');
    expect(uniqueZipName('Contract.pdf', taken)).toBe('Contract (3).pdf');
    expect(uniqueZipName('Contract (2).pdf', taken)).toBe('Contract (2) (2).pdf');
    expect(uniqueZipName('README', taken)).toBe('README');
    expect(uniqueZipName('readme', taken)).toBe('readme (2)');
  });
});
