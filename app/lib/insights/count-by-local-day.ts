import { addDays, startOfLocalDay } from '@/app/lib/format/local-day';

/** SQL groups times into UTC quarter hours: every time zone's offset is a whole number of them. */
export const QUARTER_HOUR_SECONDS = 900;

export type QuarterHourCount = { quarter: number; count: number };
export type DayCount = { day: string; count: number };

/**
 * Adds quarter-hour counts up into the given consecutive local days (zero for a day with none); counts outside them
 * are dropped. The days' start instants are worked out once, so thousands of quarters cost no date formatting.
 */
export function countByLocalDay(options: {
  quarters: QuarterHourCount[];
  days: string[];
  timeZone: string;
}): DayCount[] {
  const { days, timeZone } = options;
  const last = days.at(-1);
  if (last === undefined) return [];
  const starts = [...days, addDays(last, 1)].map((day) => startOfLocalDay(day, timeZone).getTime());
  const counts = days.map(() => 0);
  for (const { quarter, count } of options.quarters) {
    const at = quarter * QUARTER_HOUR_SECONDS * 1000;
    // The last day whose start is at or before the quarter (binary search over at most 91 starts).
    let low = 0;
    let high = starts.length - 1;
    if (at < starts[0]! || at >= starts[high]!) continue;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= at) low = middle;
      else high = middle;
    }
    counts[low]! += count;
  }
  return days.map((day, index) => ({ day, count: counts[index]! }));
}
