import { describe, expect, it } from 'vitest';
import { formatDay, formatExactTime } from './exact-time';

describe('formatExactTime', () => {
  it('prints day, 24-hour time with seconds and the zone', () => {
    expect(formatExactTime('2025-11-29T09:05:03.250Z', 'UTC')).toBe('29 Nov 2025, 09:05:03 UTC');
  });

  it('converts to the zone it is given', () => {
    expect(formatExactTime('2025-11-29T23:30:00.000Z', 'Europe/Bucharest')).toBe('30 Nov 2025, 01:30:00 EET');
  });

  it('keeps each zone and each form apart when readers in more zones than it keeps formatters ask in turns', () => {
    const instant = '2025-11-29T23:30:00.000Z';
    const zones = Intl.supportedValuesOf('timeZone').slice(0, 150);
    const expected = (zone: string, withTime: boolean) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        ...(withTime
          ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }
          : {}),
      }).format(new Date(instant));
    for (let round = 0; round < 2; round++) {
      for (const zone of zones) {
        expect(formatExactTime(instant, zone)).toBe(expected(zone, true));
        expect(formatDay(instant, zone)).toBe(expected(zone, false));
      }
    }
    expect(formatExactTime(instant, 'Asia/Tokyo')).toBe('30 Nov 2025, 08:30:00 GMT+9');
    expect(formatExactTime(instant, 'America/New_York')).toBe('29 Nov 2025, 18:30:00 GMT-5');
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => formatExactTime('2025-11-29T23:30:00.000Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('formatDay', () => {
  it('prints the calendar day only', () => {
    expect(formatDay('2025-11-29T09:05:03.250Z', 'UTC')).toBe('29 Nov 2025');
  });
});
