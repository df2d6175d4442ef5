import { describe, expect, it } from 'vitest';
import { recipientLabel } from './recipient-label';

describe('recipientLabel', () => {
  it('prefers the e-mail', () => {
    expect(recipientLabel({ email: 'ana@example.com', order: 2 })).toBe('ana@example.com');
  });

  it('falls back to the signing order', () => {
    expect(recipientLabel({ email: null, order: 2 })).toBe('Recipient 2');
    expect(recipientLabel({ email: '', order: 0 })).toBe('Recipient 0');
  });

  it('is null for envelope-level events', () => {
    expect(recipientLabel({ email: null, order: null })).toBeNull();
  });
});
