import { describe, expect, it } from 'vitest';
import { toUrlSearchParams } from '@/app/ui/list/list-url';
import { envelopeListHref, hasActiveFilters, readListFilters } from './envelope-list-params';

describe('toUrlSearchParams', () => {
  it('keeps every value, including repeated ones, and drops undefined', () => {
    const params = toUrlSearchParams({ q: 'K-1', status: ['sent', 'opened'], hook: undefined });
    expect(params.toString()).toBe('q=K-1&status=sent&status=opened');
  });
});

describe('readListFilters', () => {
  it('reads the filters trimmed, the last of repeated ones, and empty strings for missing ones', () => {
    expect(readListFilters(new URLSearchParams('q=%20K-1%20&status=sent&status=opened&cursor=abc'))).toEqual({
      q: 'K-1',
      status: 'opened',
      hook: '',
      from: '',
      to: '',
      limit: '',
    });
  });
});

describe('hasActiveFilters', () => {
  it('is true when any filter is set', () => {
    expect(hasActiveFilters(readListFilters(new URLSearchParams('')))).toBe(false);
    expect(hasActiveFilters(readListFilters(new URLSearchParams('cursor=abc&limit=10')))).toBe(false);
    expect(hasActiveFilters(readListFilters(new URLSearchParams('to=2025-01-01')))).toBe(true);
  });
});

describe('envelopeListHref', () => {
  it('is the bare home page without filters', () => {
    expect(envelopeListHref({})).toBe('/');
    expect(envelopeListHref({ q: '  ', status: '' })).toBe('/');
  });

  it('keeps the filters and adds the cursor, encoded', () => {
    expect(envelopeListHref({ q: 'ana@example.com', status: 'completed' }, 'eyJ0Ijo')).toBe(
      '/?q=ana%40example.com&status=completed&cursor=eyJ0Ijo',
    );
  });

  it('keeps the page size from page to page', () => {
    expect(envelopeListHref({ limit: '10' }, 'eyJ0Ijo')).toBe('/?limit=10&cursor=eyJ0Ijo');
  });
});
