import { describe, expect, it } from 'vitest';
import { addDays, listDays, localDateTime, localDayKey, startOfLocalDay, zoneOffsetMs } from './local-day';

describe('local days', () => {
  it('names the calendar day of an instant in a zone', () => {
    expect(localDayKey(Date.parse('2025-11-29T22:30:00Z'), 'UTC')).toBe('2025-11-29');
    expect(localDayKey(Date.parse('2025-11-29T22:30:00Z'), 'Europe/Bucharest')).toBe('2025-11-30');
    expect(localDayKey(Date.parse('2025-11-30T03:00:00Z'), 'America/New_York')).toBe('2025-11-29');
  });

  it('knows the offset of a zone, including half and three-quarter hours', () => {
    const at = Date.parse('2025-11-29T12:00:00Z');
    expect(zoneOffsetMs(at, 'UTC')).toBe(0);
    expect(zoneOffsetMs(at, 'Europe/Bucharest')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(at, 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(zoneOffsetMs(at, 'Asia/Kathmandu')).toBe(5.75 * 3_600_000);
    expect(zoneOffsetMs(at, 'America/New_York')).toBe(-5 * 3_600_000);
  });

  it('finds the instant a local day starts, across clock changes', () => {
    expect(startOfLocalDay('2025-11-29', 'UTC').toISOString()).toBe('2025-11-29T00:00:00.000Z');
    expect(startOfLocalDay('2025-11-29', 'Europe/Bucharest').toISOString()).toBe('2025-11-28T22:00:00.000Z');
    // The days Europe moves its clocks: midnight is still before the change (at 03:00 or 04:00 local).
    expect(startOfLocalDay('2025-03-30', 'Europe/Bucharest').toISOString()).toBe('2025-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2025-10-26', 'Europe/Bucharest').toISOString()).toBe('2025-10-25T21:00:00.000Z');
    expect(startOfLocalDay('2025-11-29', 'Asia/Kolkata').toISOString()).toBe('2025-11-28T18:30:00.000Z');
  });

  it('starts the day at the first moment that exists when midnight is skipped', () => {
    // Santiago skipped from 00:00 to 01:00 on 7 September 2025.
    const start = startOfLocalDay('2025-09-07', 'America/Santiago');
    expect(localDayKey(start, 'America/Santiago')).toBe('2025-09-07');
    expect(localDayKey(start.getTime() - 1, 'America/Santiago')).toBe('2025-09-06');
  });

  it('counts calendar days', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(listDays('2025-11-28', 3)).toEqual(['2025-11-28', '2025-11-29', '2025-11-30']);
  });

  it('reads the local date and wall-clock time in a zone east of UTC', () => {
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
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});
