import { describe, expect, it } from 'vitest';
import { describeExportQuery } from './describe-export-query';

describe('describeExportQuery', () => {
  it('keeps the filters but never a hook id', () => {
    expect(describeExportQuery('?status=completed&hook=hook_secret_0123456789')).toEqual({
      query: '?status=completed&hook=%28hidden%29',
    });
  });

  it('notes nothing for an export of everything', () => {
    expect(describeExportQuery('')).toBeUndefined();
  });

  it("leaves out the page's one-time download ticket", () => {
    expect(describeExportQuery('?q=k-1&ticket=abc123')).toEqual({ query: '?q=k-1' });
    expect(describeExportQuery('?ticket=abc123')).toBeUndefined();
  });
});
