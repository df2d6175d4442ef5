import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { QUARTER_MS, quarterOf, splitIntoSlots } from '@/app/lib/envelopes/rollups/time-slots';
import { addDays, startOfLocalDay } from '@/app/lib/format/local-day';
import { countByLocalDay, type DayCount, type QuarterHourCount } from './count-by-local-day';
import type { InsightsPeriod } from './resolve-insights-period';

/**
 * Envelopes completed on each local day of the period, from the quarter-hour rollup summed per local day by the
 * database (a 90-day period is up to 8,640 quarters, one row per day comes back); the part of the current quarter
 * hour up to now is read from the envelopes' rollup rows.
 */
export async function sumCompletedPerDay(options: { period: InsightsPeriod; db?: Database }): Promise<DayCount[]> {
  const db = options.db ?? prisma;
  const { from, to, days, timeZone } = options.period;
  const { whole, edges } = splitIntoSlots({ from, to, slotMs: QUARTER_MS });
  const ranges = whole ? quarterRangesOfDays({ days, timeZone, first: whole.first, last: whole.last }) : [];
  const quarters: QuarterHourCount[] = [];
  if (ranges.length > 0) {
    const rows = await db.$queryRaw<{ first: number | bigint; completed: number | bigint | null }[]>`
      WITH "days"("first", "last") AS (
        VALUES ${Prisma.join(ranges.map((range) => Prisma.sql`(CAST(${range.first} AS INTEGER), CAST(${range.last} AS INTEGER))`))}
      )
      SELECT d."first" AS "first", SUM(q."completed") AS "completed"
      FROM "days" AS d JOIN "InsightQuarter" AS q ON q."quarter" >= d."first" AND q."quarter" <= d."last"
      GROUP BY d."first"`;
    // Each day's sum stands at the day's first quarter, where countByLocalDay puts it back on its day.
    for (const row of rows) quarters.push({ quarter: Number(row.first), count: Number(row.completed ?? 0) });
  }
  for (const edge of edges) {
    const rows = await db.envelopeRollup.findMany({
      where: { completedAt: { gte: edge.from, lte: edge.to } },
      select: { completedAt: true },
    });
    for (const row of rows) quarters.push({ quarter: quarterOf(row.completedAt!), count: 1 });
  }
  return countByLocalDay({ quarters, days, timeZone });
}

/** The quarter hours of each local day within [first, last] (a zone's midnight always falls on a quarter hour). */
function quarterRangesOfDays(options: { days: string[]; timeZone: string; first: number; last: number }) {
  const { days, timeZone } = options;
  const last = days.at(-1);
  if (last === undefined) return [];
  const starts = [...days, addDays(last, 1)].map((day) => startOfLocalDay(day, timeZone).getTime() / QUARTER_MS);
  return days
    .map((_, index) => ({
      first: Math.max(Math.ceil(starts[index]!), options.first),
      last: Math.min(Math.ceil(starts[index + 1]!) - 1, options.last),
    }))
    .filter((range) => range.first <= range.last);
}
