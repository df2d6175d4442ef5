import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { medianOfMiddle, OPEN_TO_COMPLETION_BUCKETS } from '@/app/lib/envelopes/rollups/duration-buckets';
import { DURATION_RANGES, durationRangeOf } from '@/app/lib/envelopes/rollups/duration-ranges';
import { DAY_MS, splitIntoSlots } from '@/app/lib/envelopes/rollups/time-slots';
import type { OpenToCompletionDistribution } from './get-open-to-completion-distribution';
import type { InsightsPeriod } from './resolve-insights-period';

/**
 * The open-to-completion distribution of the period from the per-day rollup (the days the period covers only in
 * part are read from the envelopes' rollup rows). The median is exact: the rollup says which fine range holds the
 * middle, and only that range's completions are read, in order.
 */
export async function sumOpenToCompletionDistribution(options: {
  period: InsightsPeriod;
  db?: Database;
}): Promise<OpenToCompletionDistribution> {
  const db = options.db ?? prisma;
  const { from, to } = options.period;
  const perRange = DURATION_RANGES.map(() => 0);
  const { whole, edges } = splitIntoSlots({ from, to, slotMs: DAY_MS });
  if (whole) {
    const rows = await db.completionDurationDay.groupBy({
      by: ['range'],
      where: { day: { gte: whole.first, lte: whole.last } },
      _sum: { count: true },
    });
    for (const row of rows) perRange[row.range]! += row._sum.count ?? 0;
  }
  for (const edge of edges) {
    const rows = await db.envelopeRollup.findMany({
      where: { completedAt: { gte: edge.from, lte: edge.to }, completionSeconds: { not: null } },
      select: { completionSeconds: true },
    });
    for (const row of rows) perRange[durationRangeOf(row.completionSeconds!)]! += 1;
  }

  const buckets = OPEN_TO_COMPLETION_BUCKETS.map((bucket) => ({
    label: bucket.label,
    shortLabel: bucket.shortLabel,
    count: 0,
  }));
  perRange.forEach((count, range) => (buckets[DURATION_RANGES[range]!.bucket]!.count += count));
  const total = perRange.reduce((sum, count) => sum + count, 0);
  if (total === 0) return { buckets, total, medianSeconds: null };

  const positions = total % 2 === 0 ? [total / 2 - 1, total / 2] : [(total - 1) / 2];
  const middle: number[] = [];
  for (const position of positions) middle.push(await completionSecondsAt({ db, position, perRange, from, to }));
  return { buckets, total, medianSeconds: medianOfMiddle(middle) };
}

/** The completion time at `position` (0-based) of the period's completions sorted by it. */
async function completionSecondsAt(options: {
  db: Database;
  position: number;
  perRange: number[];
  from: Date;
  to: Date;
}) {
  let before = 0;
  let range = 0;
  while (before + options.perRange[range]! <= options.position) before += options.perRange[range++]!;
  const { fromSeconds, upToSeconds } = DURATION_RANGES[range]!;
  const [row] = await options.db.envelopeRollup.findMany({
    where: {
      completionSeconds: { gte: fromSeconds, ...(upToSeconds === null ? {} : { lt: upToSeconds }) },
      completedAt: { gte: options.from, lte: options.to },
    },
    orderBy: { completionSeconds: 'asc' },
    skip: options.position - before,
    take: 1,
    select: { completionSeconds: true },
  });
  // Another instance's fold committing between the two reads can leave the range one short: its start then.
  return row?.completionSeconds ?? fromSeconds;
}
