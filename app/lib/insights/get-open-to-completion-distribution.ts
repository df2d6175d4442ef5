import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { medianOfMiddle, OPEN_TO_COMPLETION_BUCKETS } from '@/app/lib/envelopes/rollups/duration-buckets';
import { sqlEpochSeconds, sqlNotTestEnvelope } from './insight-sql';
import type { InsightsPeriod } from './resolve-insights-period';

const { sql, join, raw } = Prisma;

export type OpenToCompletionDistribution = {
  buckets: { label: string; shortLabel: string; count: number }[];
  total: number;
  medianSeconds: number | null;
};

/** How long envelopes completed in the period took from their first open to completion, in ranges, and the median. */
export async function getOpenToCompletionDistribution(options: {
  period: InsightsPeriod;
  db?: Database;
}): Promise<OpenToCompletionDistribution> {
  const db = options.db ?? prisma;
  const { from, to } = options.period;
  const provider = getDatabaseProvider();
  const seconds = sql`(${sqlEpochSeconds(provider, 'e."finishedAt"')} - ${sqlEpochSeconds(provider, 'e."firstOpenedAt"')})`;
  // Out-of-order notifications can leave a finish before the first open; such envelopes have no meaningful duration.
  const durations = sql`
    SELECT ${seconds} AS "seconds"
    FROM "Envelope" AS e
    WHERE e."status" = 'completed' AND e."lastEventAt" >= ${from}
      AND e."finishedAt" >= ${from} AND e."finishedAt" <= ${to}
      AND e."firstOpenedAt" IS NOT NULL AND e."finishedAt" >= e."firstOpenedAt"
      AND ${sqlNotTestEnvelope('e')}`;
  const cases = OPEN_TO_COMPLETION_BUCKETS.flatMap((bucket, index) =>
    bucket.upToSeconds === null
      ? []
      : [sql`WHEN d."seconds" < ${raw(String(bucket.upToSeconds))} THEN ${raw(String(index))}`],
  );
  const rows = await db.$queryRaw<{ bucket: number | bigint; count: number | bigint }[]>`
    SELECT CAST(CASE ${join(cases, ' ')} ELSE ${raw(String(OPEN_TO_COMPLETION_BUCKETS.length - 1))} END AS INTEGER)
      AS "bucket", CAST(COUNT(*) AS INTEGER) AS "count"
    FROM (${durations}) AS d
    GROUP BY 1`;

  const counts = new Map(rows.map((row) => [Number(row.bucket), Number(row.count)]));
  const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
  let medianSeconds: number | null = null;
  if (total > 0) {
    // The middle one or two durations; only the rows of one period are sorted.
    const middle = await db.$queryRaw<{ seconds: number | bigint }[]>`
      SELECT d."seconds" AS "seconds" FROM (${durations}) AS d ORDER BY d."seconds"
      LIMIT ${raw(String(total % 2 === 0 ? 2 : 1))} OFFSET ${raw(String(Math.floor((total - 1) / 2)))}`;
    medianSeconds = medianOfMiddle(middle.map((row) => Number(row.seconds)));
  }
  return {
    buckets: OPEN_TO_COMPLETION_BUCKETS.map((bucket, index) => ({
      label: bucket.label,
      shortLabel: bucket.shortLabel,
      count: counts.get(index) ?? 0,
    })),
    total,
    medianSeconds,
  };
}
