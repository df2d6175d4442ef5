import { describe, expect, it } from 'vitest';
import { formatBytes } from './byte-size';

describe('formatBytes', () => {
  it('counts small sizes in bytes', () => {
    expect([0, 1, 18, 1023].map(formatBytes)).toEqual(['0 bytes', '1 byte', '18 bytes', '1023 bytes']);
  });

  it('uses the largest fitting binary unit, with one decimal only below 10', () => {
    const KB = 1024;
    const MB = 1024 * KB;
    expect([KB, 1234, 48 * KB, 1023.6 * KB, 2.4 * MB, 12 * MB, 1.5 * 1024 * MB].map(formatBytes)).toEqual([
      '1 KB',
      '1.2 KB',
      '48 KB',
      '1 MB',
      '2.4 MB',
      '12 MB',
      '1.5 GB',
    ]);
  });

  it('prints limits set in binary units as the round numbers they are', () => {
    expect(formatBytes(256 * 1024)).toBe('256 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
  });
});
