import { describe, expect, it } from 'vitest';
import { statusLabel } from './status-label';

describe('statusLabel', () => {
  it('names every status in sentence case', () => {
    expect(statusLabel('sent')).toBe('Sent');
    expect(statusLabel('opened')).toBe('Opened');
    expect(statusLabel('partially_signed')).toBe('Partially signed');
    expect(statusLabel('completed')).toBe('Completed');
    expect(statusLabel('rejected')).toBe('Rejected');
    expect(statusLabel('expired')).toBe('Expired');
  });
});
