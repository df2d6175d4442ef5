import { describe, expect, it } from 'vitest';
import { alertKindTitle } from './alert-kind-title';

describe('alertKindTitle', () => {
  it('names rule kinds by their titles and the daily summary as such', () => {
    expect(alertKindTitle('rejected')).toBe('Rejected');
    expect(alertKindTitle('documents_failed')).toBe('Signed documents not fetched');
    expect(alertKindTitle('digest')).toBe('Daily summary');
  });

  it('shows a kind it does not know as it came, never an inherited property', () => {
    expect(alertKindTitle('something_new')).toBe('something_new');
    expect(alertKindTitle('toString')).toBe('toString');
  });
});
