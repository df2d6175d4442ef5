import { describe, expect, it } from 'vitest';
import { toUrlSearchParams } from '@/app/ui/list/list-url';
import {
  envelopeApiUrl,
  envelopeExportHref,
  envelopeListHref,
  hasActiveFilters,
  readListFilters,
} from './envelope-list-params';

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
      expiringWithin: '',
      quietFor: '',
      waitingOn: '',
      tests: '',
      sort: '',
      dir: '',
      limit: '',
    });
  });
});

describe('hasActiveFilters', () => {
  it('is true when any filter is set', () => {
    expect(hasActiveFilters(readListFilters(new URLSearchParams('')))).toBe(false);
    expect(hasActiveFilters(readListFilters(new URLSearchParams('cursor=abc&limit=10')))).toBe(false);
    expect(hasActiveFilters(readListFilters(new URLSearchParams('to=2025-01-01')))).toBe(true);
    expect(hasActiveFilters(readListFilters(new URLSearchParams('tests=include')))).toBe(true);
    expect(hasActiveFilters(readListFilters(new URLSearchParams('waitingOn=ana')))).toBe(true);
    // The order narrows nothing.
    expect(hasActiveFilters(readListFilters(new URLSearchParams('sort=deadline&dir=asc')))).toBe(false);
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

  it('keeps the order and the new filters from page to page', () => {
    expect(envelopeListHref({ sort: 'deadline', dir: 'asc', expiringWithin: '3', tests: 'include' }, 'c1')).toBe(
      '/?expiringWithin=3&tests=include&sort=deadline&dir=asc&cursor=c1',
    );
  });

  it('keeps the page size from page to page', () => {
    expect(envelopeListHref({ limit: '10' }, 'eyJ0Ijo')).toBe('/?limit=10&cursor=eyJ0Ijo');
  });
});

describe('envelopeApiUrl', () => {
  it('asks the API for the same view with its counts, never for a later page', () => {
    expect(envelopeApiUrl({})).toBe('/api/envelopes?counts=true');
    expect(envelopeApiUrl({ q: 'K 1', hook: 'h1', from: '2025-01-01', to: '', limit: '10' })).toBe(
      '/api/envelopes?q=K+1&hook=h1&from=2025-01-01&limit=10&counts=true',
    );
  });
});

describe('envelopeExportHref', () => {
  it('exports the filtered view, whatever the page size', () => {
    expect(envelopeExportHref({})).toBe('/api/exports/envelopes');
    expect(envelopeExportHref({ status: 'completed', to: '2025-02-01', limit: '10' })).toBe(
      '/api/exports/envelopes?status=completed&to=2025-02-01',
    );
    expect(envelopeExportHref({ waitingOn: 'ana', sort: 'status', dir: 'asc', limit: '10' })).toBe(
      '/api/exports/envelopes?waitingOn=ana&sort=status&dir=asc',
    );
  });
});
