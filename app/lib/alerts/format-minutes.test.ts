import { describe, expect, it } from 'vitest';
import { formatMinutes } from './format-minutes';

describe('formatMinutes', () => {
  it.each([
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [90, '90 minutes'],
    [150, '2 hours 30 minutes'],
    [1440, '1 day'],
    [1800, '30 hours'],
    [4320, '3 days'],
    [3240, '2 days 6 hours'],
  ])('says %i minutes as "%s"', (minutes, words) => {
    expect(formatMinutes(minutes)).toBe(words);
  });
});
