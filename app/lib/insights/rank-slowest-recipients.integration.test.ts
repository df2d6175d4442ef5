import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { foldRollupChanges } from '@/app/lib/envelopes/rollups/fold-rollup-changes';
import { explainQueryPlan } from '@/app/testing/explain-query-plan';
import { getSlowestRecipients } from './get-slowest-recipients';
import { rankSlowestRecipients, waitsPageSql } from './rank-slowest-recipients';
import { resolveInsightsPeriod } from './resolve-insights-period';

const provider = inject('databaseProvider');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Envelopes of many recipients whose waits end on five days of the week before `now`, as the fold turns them into signature waits.
 * Waits are whole hours from a short list (many ties) and e-mails repeat, so each average is below its longest wait
 * and the ranking must read several pages of waits before it can stop. Long waits that ended before the week, and
 * the week's test envelope, must count for nothing.
 */
async function seedWeek(now: Date) {
  const run = randomUUID().slice(0, 8);
  const hook = await prisma.hook.create({
    data: { id: `slowest-${run}`, name: `Slowest ${run}`, allowedNetworks: [] },
  });
  const emails = Array.from({ length: 60 }, (_, index) => `r${index}.${run}@example.com`);
  const envelope = async (
    index: number,
    options: { finishedBefore: number; hoursOf: (n: number) => number; isTest?: boolean },
  ) => {
    const recipients = Array.from({ length: 25 }, (_, order) => {
      const n = index * 25 + order;
      // Spread over five days, so the ranking merges the waits of several days.
      const finishedAt = new Date(now.getTime() - options.finishedBefore - (n % 5) * DAY - (n % 97) * 60_000);
      return {
        key: `order:${order + 1}`,
        recipientOrder: order + 1,
        email: emails[(n * 7) % emails.length]!,
        invitedAt: new Date(finishedAt.getTime() - options.hoursOf(n) * HOUR),
        finishedAt,
      };
    });
    await prisma.envelope.create({
      data: {
        id: `slow-${run}-${index}`,
        hookId: hook.id,
        status: 'completed',
        isTest: options.isTest ?? false,
        customValues: {},
        searchText: `slow-${run}-${index}`,
        lastAction: 'envelopeFinished',
        firstSeenAt: new Date(now.getTime() - 60 * DAY),
        finishedAt: new Date(now.getTime() - options.finishedBefore),
        lastEventAt: new Date(now.getTime() - options.finishedBefore + HOUR),
        recipientCount: recipients.length,
        signedCount: recipients.length,
        recipients: { create: recipients },
      },
    });
  };
  const inWeek = (n: number) => [1, 2, 3, 5, 8, 13, 21, 34][(n * 5) % 8]!;
  for (let index = 0; index < 30; index++) await envelope(index, { finishedBefore: 2 * DAY, hoursOf: inWeek });
  // Longer than any wait of the week, but ended before it.
  await envelope(30, { finishedBefore: 20 * DAY, hoursOf: (n) => 500 + n });
  await envelope(31, { finishedBefore: 2 * DAY, hoursOf: (n) => 900 + n, isTest: true });
  while ((await foldRollupChanges({ limit: 10_000 })).pending);
}

describe(`slowest recipients from signature waits on ${provider}`, () => {
  it('ranks as a count over every signature of the period does, across pages of tied waits', async () => {
    // A week of its own, long ago: other tests' signatures fall outside it.
    const now = new Date(Date.UTC(2011, 5, 15, 12) + Math.floor(Math.random() * 1000) * 7 * DAY);
    await seedWeek(now);
    const period = resolveInsightsPeriod({ days: 7, now, timeZone: 'UTC' });
    const waits = await prisma.signatureWait.count({ where: { finishedAt: { gte: period.from, lte: period.to } } });
    expect(waits).toBe(750); // many pages of 25
    for (const limit of [10, 40, 100]) {
      const ranked = await rankSlowestRecipients({ period, limit });
      expect(ranked, `limit ${limit}`).toEqual(await getSlowestRecipients({ period, limit }));
      expect(ranked.length).toBe(Math.min(limit, 60));
    }
  });

  it('reads each next page of waits day by day from the index where the last ended, never outside the period', async () => {
    const now = new Date();
    const plan = await prisma.$transaction(async (tx) => {
      if (provider === 'postgresql') {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        await tx.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off');
      }
      const after = { seconds: 3_600, finishedAt: new Date(now.getTime() - DAY), recipientId: 42 };
      return explainQueryPlan(tx, provider, waitsPageSql({ from: new Date(now.getTime() - 7 * DAY), to: now, after }));
    });
    // Eight UTC days hold the last seven days and a moment: each is one walk down its own part of the index.
    const days = 8;
    const index = 'SignatureWait_finishedDay_seconds_finishedAt_recipientId_idx';
    if (provider === 'postgresql') {
      expect(plan.match(new RegExp(`"Scan Direction":"Backward","Index Name":"${index}"`, 'g'))).toHaveLength(days);
      expect(
        plan.match(
          /"Index Cond":"\(\(\\"finishedDay\\" = \d+\) AND \(ROW\(seconds, \\"finishedAt\\", \\"recipientId\\"\) < ROW\(/g,
        ),
      ).toHaveLength(days);
      // The days' walks are merged in order: nothing sorts, nothing reads the table otherwise.
      expect(plan).toContain('"Node Type":"Merge Append"');
      expect(plan).not.toMatch(/"Node Type":"(Sort|Seq Scan|Bitmap Heap Scan)"/);
    } else {
      const search = `SEARCH SignatureWait USING INDEX ${index} (finishedDay=? AND (seconds,finishedAt)<(?,?))`;
      expect(plan.split('\n').filter((line) => line.includes(search))).toHaveLength(days);
      expect(plan).not.toContain('SCAN SignatureWait');
    }
  });
});
