import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { countByLocalDay, QUARTER_HOUR_SECONDS, type DayCount, type QuarterHourCount } from './count-by-local-day';
import { sqlEpochSeconds, sqlNotTestEnvelope } from './insight-sql';
import type { InsightsPeriod } from './resolve-insights-period';

const { sql, raw } = Prisma;

/**
 * Envelopes completed on each local day of the period. SQL counts per UTC quarter hour (at most 96 rows a day) and
 * the days are formed in the reader's zone here, which neither database's date functions could do alike.
 */
export async function getCompletedPerDay(options: { period: InsightsPeriod; db?: Database }): Promise<DayCount[]> {
  const db = options.db ?? prisma;
  const { from, to, days, timeZone } = options.period;
  const provider = getDatabaseProvider();
  const quarter = sql`CAST(${sqlEpochSeconds(provider, 'e."finishedAt"')} / ${raw(String(QUARTER_HOUR_SECONDS))} AS INTEGER)`;
  // A finish is also the envelope's latest event at the time, so lastEventAt >= from holds for every row wanted and
  // lets the (status, lastEventAt) index find them; finishedAt itself has no index.
  const quarters = await db.$queryRaw<QuarterHourCount[]>`
    SELECT ${quarter} AS "quarter", CAST(COUNT(*) AS INTEGER) AS "count"
    FROM "Envelope" AS e
    WHERE e."status" = 'completed' AND e."lastEventAt" >= ${from}
      AND e."finishedAt" >= ${from} AND e."finishedAt" <= ${to} AND ${sqlNotTestEnvelope('e')}
    GROUP BY 1`;
  return countByLocalDay({ quarters: quarters.map(toNumbers), days, timeZone });
}

function toNumbers(row: QuarterHourCount): QuarterHourCount {
  return { quarter: Number(row.quarter), count: Number(row.count) };
}
