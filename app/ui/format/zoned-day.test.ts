import { describe, expect, it } from 'vitest';
import { zonedDayEnd, zonedDayStart, zoneOffsetMinutes } from './zoned-day';

describe('zonedDayStart / zonedDayEnd', () => {
  it('are the first and last millisecond of the day in the zone, as local time with its offset', () => {
    expect(zonedDayStart('2025-03-02', 'Europe/Bucharest')).toBe('2025-03-02T00:00:00.000+02:00');
    expect(zonedDayEnd('2025-03-02', 'Europe/Bucharest')).toBe('2025-03-02T23:59:59.999+02:00');
    expect(zonedDayStart('2025-07-15', 'America/New_York')).toBe('2025-07-15T00:00:00.000-04:00');
    expect(zonedDayEnd('2025-07-15', 'UTC')).toBe('2025-07-15T23:59:59.999+00:00');
    expect(zonedDayStart('2025-07-15', 'Asia/Kolkata')).toBe('2025-07-15T00:00:00.000+05:30');
  });

  it('name the right instants', () => {
    expect(Date.parse(zonedDayStart('2025-03-02', 'Europe/Bucharest')!)).toBe(Date.parse('2025-03-01T22:00:00Z'));
    expect(Date.parse(zonedDayEnd('2025-03-02', 'Europe/Bucharest')!)).toBe(Date.parse('2025-03-02T21:59:59.999Z'));
  });

  it('follow a change of clocks within the day', () => {
    // Bucharest moves from +02:00 to +03:00 at 03:00 on 30 March 2025: the day is 23 hours long.
    const start = zonedDayStart('2025-03-30', 'Europe/Bucharest')!;
    const end = zonedDayEnd('2025-03-30', 'Europe/Bucharest')!;
    expect(start).toBe('2025-03-30T00:00:00.000+02:00');
    expect(end).toBe('2025-03-30T23:59:59.999+03:00');
    expect(Date.parse(end) + 1 - Date.parse(start)).toBe(23 * 3_600_000);
  });

  it('refuse what is not a day', () => {
    expect(zonedDayStart('', 'UTC')).toBeNull();
    expect(zonedDayEnd('2025-3-2', 'UTC')).toBeNull();
  });

  it('read the offset of a zone at an instant', () => {
    expect(zoneOffsetMinutes(Date.parse('2025-07-01T12:00:00Z'), 'Europe/Bucharest')).toBe(180);
    expect(zoneOffsetMinutes(Date.parse('2025-01-01T12:00:00Z'), 'Europe/Bucharest')).toBe(120);
  });
});
