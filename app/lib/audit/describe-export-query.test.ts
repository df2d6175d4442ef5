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
});
