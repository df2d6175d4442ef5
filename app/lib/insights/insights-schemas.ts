import { z } from 'zod';

/** The periods the page offers, in days ending today. */
export const INSIGHT_PERIODS = [7, 30, 90] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];
export const DEFAULT_PERIOD: InsightPeriod = 30;

/** Suggested "no activity for more than N days" values; any whole number from 0 to 365 is accepted in the URL. */
export const STUCK_DAY_CHOICES = [1, 3, 7, 14, 30] as const;
export const DEFAULT_STUCK_DAYS = 3;
export const MAX_STUCK_DAYS = 365;

const PERIOD_MESSAGE = `must be ${INSIGHT_PERIODS.slice(0, -1).join(', ')} or ${INSIGHT_PERIODS.at(-1)} (days)`;

export const insightsQuerySchema = z.object({
  period: z.coerce
    .number({ error: PERIOD_MESSAGE })
    .refine((value): value is InsightPeriod => (INSIGHT_PERIODS as readonly number[]).includes(value), {
      error: PERIOD_MESSAGE,
    })
    .default(DEFAULT_PERIOD),
  stuck: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(0, { error: 'must be 0 or more days' })
    .max(MAX_STUCK_DAYS, { error: `must be at most ${MAX_STUCK_DAYS} days` })
    .default(DEFAULT_STUCK_DAYS),
});

export type InsightsQuery = { period: InsightPeriod; stuck: number };
