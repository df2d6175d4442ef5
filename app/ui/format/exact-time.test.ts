import { describe, expect, it } from 'vitest';
import { formatDay, formatExactTime } from './exact-time';

describe('formatExactTime', () => {
  it('prints day, 24-hour time with seconds and the zone', () => {
    expect(formatExactTime('2025-11-29T09:05:03.250Z', 'UTC')).toBe('29 Nov 2025, 09:05:03 UTC');
  });

  it('converts to the zone it is given', () => {
    expect(formatExactTime('2025-11-29T23:30:00.000Z', 'Europe/Bucharest')).toBe('30 Nov 2025, 01:30:00 EET');
  });
});

describe('formatDay', () => {
  it('prints the calendar day only', () => {
    expect(formatDay('2025-11-29T09:05:03.250Z', 'UTC')).toBe('29 Nov 2025');
  });
});
