// Calendar days and wall-clock times in a time zone (a reader's, an alert channel's), computed with Intl alone (no
// date library). Insights' SQL groups by UTC quarter hours, which every zone's offset is a multiple of, and these
// helpers turn those into local days; alert digests find their local hour and yesterday with them.

import { keptDateTimeFormat, type DateTimePattern } from '@/app/lib/format/kept-date-time-format';

const DAY_MS = 86_400_000;

// en-CA prints ISO-style YYYY-MM-DD.
const DAY: DateTimePattern = { locale: 'en-CA', options: { year: 'numeric', month: '2-digit', day: '2-digit' } };
const PARTS: DateTimePattern = {
  locale: 'en-GB',
  options: {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  },
};

const DAY_AND_TIME: DateTimePattern = {
  locale: 'en-CA',
  options: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/** The local calendar date and wall-clock time of `at` in `timeZone`: "2026-12-01", "08:30". */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    keptDateTimeFormat(DAY_AND_TIME, timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The local calendar day of an instant, as "YYYY-MM-DD". */
export function localDayKey(at: Date | number, timeZone: string): string {
  return keptDateTimeFormat(DAY, timeZone).format(at);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (negative west of Greenwich). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    keptDateTimeFormat(PARTS, timeZone)
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wallClock = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wallClock - Math.floor(at / 1000) * 1000;
}

/** The instant a local day starts (its midnight, or the first moment after it where a clock change skips it). */
export function startOfLocalDay(dayKey: string, timeZone: string): Date {
  const midnightAsUtc = Date.parse(`${dayKey}T00:00:00Z`);
  // Two rounds: the offset at a first guess may differ from the one at midnight when a clock change lies between.
  let guess = midnightAsUtc - zoneOffsetMs(midnightAsUtc, timeZone);
  guess = midnightAsUtc - zoneOffsetMs(guess, timeZone);
  if (localDayKey(guess, timeZone) !== dayKey) guess += 3_600_000;
  return new Date(guess);
}

/** The calendar day `days` after (or before, when negative) a "YYYY-MM-DD" day. */
export function addDays(dayKey: string, days: number): string {
  return new Date(Date.parse(`${dayKey}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `count` consecutive days starting with `first`. */
export function listDays(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(first, index));
}
