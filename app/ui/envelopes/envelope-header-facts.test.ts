import { describe, expect, it } from 'vitest';
import { describeReminder, expiryNote } from './envelope-header-facts';

const now = new Date('2026-06-10T12:00:00Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe('expiryNote', () => {
  it('counts whole days up, and highlights the last three', () => {
    expect(expiryNote(inHours(17 * 24), now, true)).toEqual({ text: 'Expires in 17 days', soon: false });
    expect(expiryNote(inHours(3 * 24 + 1), now, true)).toEqual({ text: 'Expires in 4 days', soon: false });
    expect(expiryNote(inHours(3 * 24), now, true)).toEqual({ text: 'Expires in 3 days', soon: true });
    expect(expiryNote(inHours(2), now, true)).toEqual({ text: 'Expires in 1 day', soon: true });
  });

  it('says when the date has passed, and nothing for finished envelopes or without a date', () => {
    expect(expiryNote(inHours(-1), now, true)).toEqual({ text: 'Expiry date passed', soon: true });
    expect(expiryNote(inHours(48), now, false)).toBeNull();
    expect(expiryNote(null, now, true)).toBeNull();
    expect(expiryNote('not a date', now, true)).toBeNull();
  });
});

describe('describeReminder', () => {
  it('says who was reminded and who was skipped, and why', () => {
    expect(describeReminder({ reminded: 1, skippedRateLimit: 1, skippedDisabledEmail: 0 })).toBe(
      'Reminded 1 recipient; 1 skipped (rate limit).',
    );
    expect(describeReminder({ reminded: 2, skippedRateLimit: 0, skippedDisabledEmail: 0 })).toBe(
      'Reminded 2 recipients.',
    );
    expect(describeReminder({ reminded: 0, skippedRateLimit: 2, skippedDisabledEmail: 1 })).toBe(
      'Reminded 0 recipients; 2 skipped (rate limit); 1 skipped (e-mail disabled).',
    );
  });
});
