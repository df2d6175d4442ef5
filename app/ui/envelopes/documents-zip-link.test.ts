import { describe, expect, it } from 'vitest';
import { documentsZipHref } from './documents-zip-link';

describe('documentsZipHref', () => {
  it("carries the view's filters, as the CSV link does, without the page size", () => {
    expect(documentsZipHref({})).toBe('/api/exports/documents');
    expect(documentsZipHref({ status: 'completed', q: 'k-1', to: '2025-02-01', limit: '10' })).toBe(
      '/api/exports/documents?q=k-1&status=completed&to=2025-02-01',
    );
  });
});
