import { describe, expect, it } from 'vitest';
import { countLabel } from './count-label';

describe('countLabel', () => {
  it('uses the singular for exactly one', () => {
    expect(countLabel(1, 'time')).toBe('1 time');
  });

  it('uses the plural otherwise, including zero', () => {
    expect(countLabel(0, 'time')).toBe('0 times');
    expect(countLabel(3, 'time')).toBe('3 times');
    expect(countLabel(2, 'copy', 'copies')).toBe('2 copies');
  });
});
