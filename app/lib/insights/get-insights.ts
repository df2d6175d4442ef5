import 'server-only';
import { getCompletedPerDay } from './get-completed-per-day';
import { getOpenToCompletionDistribution } from './get-open-to-completion-distribution';
import { getSigningFunnel } from './get-signing-funnel';
import { getSlowestRecipients } from './get-slowest-recipients';
import type { InsightsQuery } from './insights-schemas';
import { listStuckEnvelopes } from './list-stuck-envelopes';
import { resolveInsightsPeriod } from './resolve-insights-period';

/** Everything the Insights page shows, for the last `period` days in the reader's zone. */
export async function getInsights(options: { query: InsightsQuery; now: Date; timeZone: string }) {
  const period = resolveInsightsPeriod({ days: options.query.period, now: options.now, timeZone: options.timeZone });
  // One after another: SQLite has a single connection, and on PostgreSQL these are a few small indexed queries.
  const completedPerDay = await getCompletedPerDay({ period });
  const funnel = await getSigningFunnel({ period });
  const openToCompletion = await getOpenToCompletionDistribution({ period });
  const slowestRecipients = await getSlowestRecipients({ period });
  const stuck = await listStuckEnvelopes({ stuckDays: options.query.stuck, now: options.now });
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
