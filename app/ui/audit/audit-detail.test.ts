import { describe, expect, it } from 'vitest';
import { DETAIL_LINE_CHARS, shorten, summarizeDetail } from './audit-detail';

describe('summarizeDetail', () => {
  it('writes a detail as key: value pairs in the order recorded', () => {
    expect(summarizeDetail({ changed: ['name', 'description'] })).toEqual({
      line: 'changed: name, description',
      cut: false,
      full: '{\n  "changed": [\n    "name",\n    "description"\n  ]\n}',
    });
    expect(summarizeDetail({ reminded: 2, ok: true, reason: null })?.line).toBe('reminded: 2 · ok: true · reason: —');
  });

  it('shows an empty value as a dash and an empty list as none', () => {
    expect(summarizeDetail({ query: '', changed: [] })?.line).toBe('query: — · changed: none');
  });

  it('writes nested values as compact JSON on the one line', () => {
    expect(summarizeDetail({ totals: { reminded: 1, skipped: 0 } })?.line).toBe('totals: {"reminded":1,"skipped":0}');
  });

  it('cuts a long detail and keeps the whole as indented JSON', () => {
    const envelopeIds = Array.from({ length: 20 }, (_, index) => `envelope-${index}`);
    const summary = summarizeDetail({ envelopeIds })!;
    expect(summary.cut).toBe(true);
    expect(summary.line).toHaveLength(DETAIL_LINE_CHARS);
    expect(summary.line.endsWith('…')).toBe(true);
    expect(JSON.parse(summary.full)).toEqual({ envelopeIds });
  });

  it('keeps the line on one line', () => {
    expect(summarizeDetail({ reason: 'first\nsecond\t third' })?.line).toBe('reason: first second third');
  });

  it('has nothing to show without a detail', () => {
    expect(summarizeDetail(null)).toBeNull();
    expect(summarizeDetail(undefined)).toBeNull();
    expect(summarizeDetail({})).toBeNull();
  });

  it('shows a detail that is not an object as it is', () => {
    expect(summarizeDetail('plain')?.line).toBe('plain');
    expect(summarizeDetail([1, 2])?.line).toBe('1, 2');
  });
});

describe('shorten', () => {
  it('cuts to the length given, ending in an ellipsis', () => {
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
  });
});
