// A day picked in a date field is a day in the reader's time zone; the API takes instants. These turn the day into
// its first and last millisecond there, written as local time with the zone's offset
// ("2025-03-30T00:00:00.000+02:00"), so the URL still shows the day the reader picked.

import { zoneOffsetMs } from '@/app/lib/format/local-day';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The zone's offset from UTC at an instant, in minutes (Bucharest in summer: 180). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(instant, timeZone) / 60_000);
}

/** The instant the zone's clocks show this wall time (the later one when a clock change skips or repeats it). */
function instantOf(wallTime: number, timeZone: string): number {
  let instant = wallTime - zoneOffsetMinutes(wallTime, timeZone) * 60_000;
  // Once more with the offset at the first guess: right across a change of offset.
  instant = wallTime - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return instant;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** The instant as the zone's local time with its offset, to the millisecond. */
export function formatZonedInstant(instant: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 23);
  return `${local}${formatOffset(offset)}`;
}

/** The first millisecond of the day in the zone, or null for text that is not a day. */
export function zonedDayStart(day: string, timeZone: string): string | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(wall)) return null;
  return formatZonedInstant(instantOf(wall, timeZone), timeZone);
}

/** The last millisecond of the day in the zone, or null for text that is not a day. */
export function zonedDayEnd(day: string, timeZone: string): string | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const nextDay = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  if (Number.isNaN(nextDay)) return null;
  return formatZonedInstant(instantOf(nextDay, timeZone) - 1, timeZone);
}
