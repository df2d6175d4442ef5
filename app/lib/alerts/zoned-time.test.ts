import { describe, expect, it } from 'vitest';
import { localDateTime, previousDate, startOfLocalDay } from './zoned-time';

describe('zoned time', () => {
  it('reads the local date and time in a zone east of UTC', () => {
    expect(localDateTime(new Date('2026-12-01T22:30:00Z'), 'Europe/Bucharest')).toEqual({
      date: '2026-12-02',
      time: '00:30',
    });
  });

  it('finds local midnight, also on the day summer time begins', () => {
    expect(startOfLocalDay('2026-12-01', 'Europe/Bucharest').toISOString()).toBe('2026-11-30T22:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Bucharest').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Bucharest').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfLocalDay('2026-07-04', 'America/New_York').toISOString()).toBe('2026-07-04T04:00:00.000Z');
    expect(startOfLocalDay('2026-12-01', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // Summer time beginning at midnight: the day starts at 01:00 local time.
    expect(localDateTime(startOfLocalDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toEqual({
      date: '2026-09-06',
      time: '01:00',
    });
  });

  it('steps back over month and year ends', () => {
    expect(previousDate('2026-03-01')).toBe('2026-02-28');
    expect(previousDate('2027-01-01')).toBe('2026-12-31');
  });
});
