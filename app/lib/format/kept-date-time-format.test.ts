import { describe, expect, it } from 'vitest';
import { keptDateTimeFormat, type DateTimePattern } from './kept-date-time-format';

const HOUR: DateTimePattern = { locale: 'en-GB', options: { hour: '2-digit', hourCycle: 'h23' } };
const instant = Date.UTC(2025, 10, 29, 12);

describe('keptDateTimeFormat', () => {
  it('makes a formatter once per pattern and zone, and reuses it', () => {
    expect(keptDateTimeFormat(HOUR, 'Asia/Tokyo')).toBe(keptDateTimeFormat(HOUR, 'Asia/Tokyo'));
    expect(keptDateTimeFormat(HOUR, 'Asia/Tokyo')).not.toBe(keptDateTimeFormat(HOUR, 'UTC'));
  });

  it('answers in the zone it is asked for, also past the number of zones it keeps', () => {
    for (let offset = 1; offset <= 12; offset++) {
      for (const zone of [`Etc/GMT-${offset}`, `Etc/GMT+${offset}`]) {
        const expected = new Intl.DateTimeFormat('en-GB', { ...HOUR.options, timeZone: zone }).format(instant);
        expect(keptDateTimeFormat(HOUR, zone).format(instant)).toBe(expected);
      }
    }
    for (const zone of Intl.supportedValuesOf('timeZone').slice(0, 100)) keptDateTimeFormat(HOUR, zone);
    expect(keptDateTimeFormat(HOUR, 'Asia/Tokyo').format(instant)).toBe('21');
    expect(keptDateTimeFormat(HOUR, 'UTC').format(instant)).toBe('12');
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => keptDateTimeFormat(HOUR, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
