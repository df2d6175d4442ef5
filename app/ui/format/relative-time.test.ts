import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

const now = new Date('2025-11-29T12:00:00.000Z');
const ago = (milliseconds: number) => new Date(now.getTime() - milliseconds).toISOString();

describe('formatRelativeTime', () => {
  it('says "just now" for the last 45 seconds and slight clock skew', () => {
    expect(formatRelativeTime(ago(0), now)).toBe('just now');
    expect(formatRelativeTime(ago(44_000), now)).toBe('just now');
    expect(formatRelativeTime(ago(-10_000), now)).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(formatRelativeTime(ago(50_000), now)).toBe('1 min ago');
    expect(formatRelativeTime(ago(5 * 60_000 + 30_000), now)).toBe('5 min ago');
    expect(formatRelativeTime(ago(59 * 60_000 + 59_000), now)).toBe('59 min ago');
    expect(formatRelativeTime(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(formatRelativeTime(ago(24 * 3_600_000), now)).toBe('1 day ago');
    expect(formatRelativeTime(ago(29 * 24 * 3_600_000), now)).toBe('29 days ago');
  });

  it('gives the date for anything a month or older', () => {
    expect(formatRelativeTime('2025-10-01T08:00:00.000Z', now, 'UTC')).toBe('1 Oct 2025');
  });

  it('speaks of the future when a time is clearly ahead', () => {
    expect(formatRelativeTime(ago(-2 * 3_600_000), now)).toBe('in 2 h');
  });

  it('does not throw on an unreadable time', () => {
    expect(formatRelativeTime('not a date', now)).toBe('just now');
  });
});
