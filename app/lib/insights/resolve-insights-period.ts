import { addDays, listDays, localDayKey, startOfLocalDay } from '@/app/lib/format/local-day';

export type InsightsPeriod = {
  /** Start of the first local day of the period. */
  from: Date;
  /** The moment the page was asked for: the period ends now, today included. */
  to: Date;
  /** Every local day of the period, oldest first, as "YYYY-MM-DD". */
  days: string[];
  timeZone: string;
};

/** "The last N days" in the reader's zone: today and the N - 1 calendar days before it. */
export function resolveInsightsPeriod(options: { days: number; now: Date; timeZone: string }): InsightsPeriod {
  const today = localDayKey(options.now, options.timeZone);
  const first = addDays(today, 1 - options.days);
  return {
    from: startOfLocalDay(first, options.timeZone),
    to: options.now,
    days: listDays(first, options.days),
    timeZone: options.timeZone,
  };
}
