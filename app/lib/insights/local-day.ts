// Calendar days in the reader's time zone, computed with Intl alone (no date library): SQL groups by UTC quarter
// hours, which every zone's offset is a multiple of, and these helpers turn those into local days.

const DAY_MS = 86_400_000;
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // en-CA prints ISO-style YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local calendar day of an instant, as "YYYY-MM-DD". */
export function localDayKey(at: Date | number, timeZone: string): string {
  return dayFormatter(timeZone).format(at);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (negative west of Greenwich). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partFormatter(timeZone)
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
