import 'server-only';
import { getDatabaseProvider } from '@/app/lib/db/prisma';
import { bringRollupsUpToDate } from '@/app/lib/envelopes/rollups/bring-rollups-up-to-date';
import { getCompletedPerDay } from './get-completed-per-day';
import { getOpenToCompletionDistribution } from './get-open-to-completion-distribution';
import { getSigningFunnel } from './get-signing-funnel';
import { getSlowestRecipients } from './get-slowest-recipients';
import type { InsightsQuery } from './insights-schemas';
import { listStuckEnvelopes } from './list-stuck-envelopes';
import { resolveInsightsPeriod } from './resolve-insights-period';
import { rankSlowestRecipients } from './rank-slowest-recipients';
import { sumCompletedPerDay } from './sum-completed-per-day';
import { sumOpenToCompletionDistribution } from './sum-open-to-completion-distribution';
import { sumSigningFunnel } from './sum-signing-funnel';

/** Everything the Insights page shows, for the last `period` days in the reader's zone. */
export async function getInsights(options: { query: InsightsQuery; now: Date; timeZone: string }) {
  const period = resolveInsightsPeriod({ days: options.query.period, now: options.now, timeZone: options.timeZone });
  // The rollups answer from a few hundred rows whatever the data's size. Until a backlog is folded (right after the
  // migration that made them) the figures are counted from the envelopes, which grows with the period's data.
  const useRollups = await bringRollupsUpToDate();
  const parts = [
    () => (useRollups ? sumCompletedPerDay : getCompletedPerDay)({ period }),
    () => (useRollups ? sumSigningFunnel : getSigningFunnel)({ period }),
    () => (useRollups ? sumOpenToCompletionDistribution : getOpenToCompletionDistribution)({ period }),
    () => (useRollups ? rankSlowestRecipients : getSlowestRecipients)({ period }),
    () => listStuckEnvelopes({ stuckDays: options.query.stuck, now: options.now, useRollups }),
  ] as const;
  // PostgreSQL answers them side by side from its pool; SQLite has a single connection, so one after another.
  const [completedPerDay, funnel, openToCompletion, slowestRecipients, stuck] = await readAll(
    parts,
    getDatabaseProvider() === 'postgresql',
  );
  return {
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      days: options.query.period,
      timeZone: period.timeZone,
    },
    stuckDays: options.query.stuck,
    completedPerDay,
    funnel,
    openToCompletion,
    slowestRecipients,
    stuck,
  };
}

export type Insights = Awaited<ReturnType<typeof getInsights>>;

type Results<Parts extends readonly (() => Promise<unknown>)[]> = {
  -readonly [Index in keyof Parts]: Awaited<ReturnType<Parts[Index]>>;
};

async function readAll<Parts extends readonly (() => Promise<unknown>)[]>(
  parts: Parts,
  sideBySide: boolean,
): Promise<Results<Parts>> {
  if (sideBySide) return (await Promise.all(parts.map((part) => part()))) as Results<Parts>;
  const results: unknown[] = [];
  for (const part of parts) results.push(await part());
  return results as Results<Parts>;
}
