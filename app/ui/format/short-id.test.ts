import { describe, expect, it } from 'vitest';
import { shortId } from './short-id';

describe('shortId', () => {
  it('keeps the first 8 characters and an ellipsis', () => {
    expect(shortId('3f2a9c1e-77b0-4d2e-9a51-0c6f7e8d9b10')).toBe('3f2a9c1e…');
  });

  it('leaves ids of 8 characters or fewer whole', () => {
    expect(shortId('12345678')).toBe('12345678');
    expect(shortId('abc')).toBe('abc');
  });
});
