import { localDayKey } from './local-day';

/** SQL groups times into UTC quarter hours: every time zone's offset is a whole number of them. */
export const QUARTER_HOUR_SECONDS = 900;

export type QuarterHourCount = { quarter: number; count: number };
export type DayCount = { day: string; count: number };

/** Adds quarter-hour counts up into the given local days (zero for a day with none); counts outside them are dropped. */
export function countByLocalDay(options: {
  quarters: QuarterHourCount[];
  days: string[];
  timeZone: string;
}): DayCount[] {
  const totals = new Map(options.days.map((day) => [day, 0]));
  for (const { quarter, count } of options.quarters) {
    const day = localDayKey(quarter * QUARTER_HOUR_SECONDS * 1000, options.timeZone);
    const total = totals.get(day);
    if (total !== undefined) totals.set(day, total + count);
  }
  return options.days.map((day) => ({ day, count: totals.get(day)! }));
}
