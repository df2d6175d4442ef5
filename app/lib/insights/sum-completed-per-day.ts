import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { QUARTER_MS, quarterOf, splitIntoSlots } from '@/app/lib/envelopes/rollups/time-slots';
import { countByLocalDay, type DayCount, type QuarterHourCount } from './count-by-local-day';
import type { InsightsPeriod } from './resolve-insights-period';

/**
 * Envelopes completed on each local day of the period, from the quarter-hour rollup; the part of the current quarter
 * hour up to now is read from the envelopes' rollup rows.
 */
export async function sumCompletedPerDay(options: { period: InsightsPeriod; db?: Database }): Promise<DayCount[]> {
  const db = options.db ?? prisma;
  const { from, to, days, timeZone } = options.period;
  const { whole, edges } = splitIntoSlots({ from, to, slotMs: QUARTER_MS });
  const quarters: QuarterHourCount[] = whole
    ? (
        await db.insightQuarter.findMany({
          where: { quarter: { gte: whole.first, lte: whole.last }, completed: { not: 0 } },
          select: { quarter: true, completed: true },
        })
      ).map((row) => ({ quarter: row.quarter, count: row.completed }))
    : [];
  for (const edge of edges) {
    const rows = await db.envelopeRollup.findMany({
      where: { completedAt: { gte: edge.from, lte: edge.to } },
      select: { completedAt: true },
    });
    for (const row of rows) quarters.push({ quarter: quarterOf(row.completedAt!), count: 1 });
  }
  return countByLocalDay({ quarters, days, timeZone });
}
