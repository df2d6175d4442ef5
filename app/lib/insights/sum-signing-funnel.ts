import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { FUNNEL_STAGE_BITS, FUNNEL_STAGES } from '@/app/lib/envelopes/rollups/funnel-stages';
import { QUARTER_MS, splitIntoSlots } from '@/app/lib/envelopes/rollups/time-slots';
import type { SigningFunnel } from './get-signing-funnel';
import type { InsightsPeriod } from './resolve-insights-period';

/** The funnel of the envelopes first seen in the period, from the quarter-hour rollup (see getSigningFunnel). */
export async function sumSigningFunnel(options: { period: InsightsPeriod; db?: Database }): Promise<SigningFunnel> {
  const db = options.db ?? prisma;
  const { whole, edges } = splitIntoSlots({ from: options.period.from, to: options.period.to, slotMs: QUARTER_MS });
  const stages = { invited: 0, opened: 0, signed: 0, finished: 0, rejected: 0, expired: 0 };
  if (whole) {
    const { _sum } = await db.insightQuarter.aggregate({
      where: { quarter: { gte: whole.first, lte: whole.last } },
      _sum: { invited: true, opened: true, signed: true, finished: true, rejected: true, expired: true },
    });
    for (const stage of FUNNEL_STAGES) stages[stage] += _sum[stage] ?? 0;
  }
  for (const edge of edges) {
    const rows = await db.envelopeRollup.groupBy({
      by: ['funnelStages'],
      where: { isTest: false, firstSeenAt: { gte: edge.from, lte: edge.to } },
      _count: { _all: true },
    });
    for (const row of rows) {
      for (const stage of FUNNEL_STAGES) {
        if (row.funnelStages & FUNNEL_STAGE_BITS[stage]) stages[stage] += row._count._all;
      }
    }
  }
  const { finished, ...rest } = stages;
  return { ...rest, completed: finished };
}
