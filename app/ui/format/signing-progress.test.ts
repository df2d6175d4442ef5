import { describe, expect, it } from 'vitest';
import { signingProgress } from './signing-progress';

describe('signingProgress', () => {
  it('counts signers out of all known recipients', () => {
    expect(signingProgress(2, 3)).toBe('2 of 3 signed');
    expect(signingProgress(0, 1)).toBe('0 of 1 signed');
  });

  it('says so when no recipient has been named yet', () => {
    expect(signingProgress(0, 0)).toBe('No recipients known');
  });
});
