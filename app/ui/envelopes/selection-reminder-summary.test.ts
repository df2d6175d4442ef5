import { describe, expect, it } from 'vitest';
import { describeSelectionReminders } from './selection-reminder-summary';

const totals = { reminded: 0, skippedRateLimit: 0, skippedDisabledEmail: 0, envelopesReminded: 0, envelopesRefused: 0 };

describe('describeSelectionReminders', () => {
  it('says how many recipients on how many envelopes were reminded, skipped and refused', () => {
    expect(describeSelectionReminders({ ...totals, reminded: 3, envelopesReminded: 2 })).toBe(
      'Reminded 3 recipients on 2 envelopes.',
    );
    expect(
      describeSelectionReminders({
        ...totals,
        reminded: 1,
        skippedRateLimit: 1,
        envelopesReminded: 1,
        envelopesRefused: 1,
      }),
    ).toBe('Reminded 1 recipient on 1 envelope; 1 skipped (rate limit). 1 envelope refused.');
    expect(describeSelectionReminders({ ...totals, envelopesRefused: 2 })).toBe(
      'Reminded 0 recipients on 0 envelopes. 2 envelopes refused.',
    );
  });
});
