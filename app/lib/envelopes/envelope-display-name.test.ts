import { describe, expect, it } from 'vitest';
import { envelopeDisplayName } from './envelope-display-name';

describe('envelopeDisplayName', () => {
  const id = '0b7e6a1c-2f33-4c55-9d1e-1234567890ab';

  it("takes the signing service's name first", () => {
    expect(envelopeDisplayName({ name: ' Mortgage offer MG-2026-1 ', customValues: { contract: 'C-1' }, id })).toBe(
      'Mortgage offer MG-2026-1',
    );
  });

  it('falls back to the contract custom value by default, its key in any case', () => {
    expect(envelopeDisplayName({ name: null, customValues: { contract: 'LN-2026-10001' }, id }, 'contract')).toBe(
      'LN-2026-10001',
    );
    expect(envelopeDisplayName({ name: '  ', customValues: { Contract: 'LN-7' }, id }, 'contract')).toBe('LN-7');
  });

  it('uses the configured custom value, the default being contract', () => {
    expect(envelopeDisplayName({ name: null, customValues: { contract: 'C-1', policy: 'P-9' }, id }, 'policy')).toBe(
      'P-9',
    );
    expect(envelopeDisplayName({ name: null, customValues: { contract: 'C-1' }, id })).toBe('C-1');
  });

  it('ends with the id when there is neither name nor value', () => {
    expect(envelopeDisplayName({ name: null, customValues: {}, id }, 'contract')).toBe(id);
    expect(envelopeDisplayName({ name: undefined, customValues: { contract: ' ' }, id }, 'contract')).toBe(id);
    expect(envelopeDisplayName({ name: null, customValues: null, id }, 'contract')).toBe(id);
    // An inherited member is no custom value.
    expect(envelopeDisplayName({ name: null, customValues: {}, id }, 'toString')).toBe(id);
  });
});
