import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { explainQueryPlan } from '@/app/testing/explain-query-plan';
import {
  claimDeliveries,
  claimDeliveriesSql,
  dueDeliveriesSql,
  findDueDeliveries,
  queueJobsSql,
} from './subscription-delivery-queue';

const provider = inject('databaseProvider');

const ENVELOPES = 1_500;
const subscriptionId = `sub_${randomBytes(12).toString('hex')}`;
afterAll(() => prisma.subscription.delete({ where: { id: subscriptionId } }));

// Two jobs per envelope, all delivered, as in a quiet week; then statistics (before an outage's backlog, below).
beforeAll(async () => {
  const now = new Date();
  await prisma.subscription.create({
    data: {
      id: subscriptionId,
      url: 'http://127.0.0.1:9/hooks',
      types: [],
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      createdAt: now,
      dispatchedPosition: 0,
    },
  });
  await prisma.subscriptionDelivery.createMany({
    data: Array.from({ length: 2 * ENVELOPES }, (_, index) => ({
      subscriptionId,
      eventId: `${subscriptionId}-${index}`,
      eventPosition: index,
      envelopeId: `${subscriptionId}-envelope-${index % ENVELOPES}`,
      status: 'delivered' as const,
      createdAt: now,
    })),
  });
  if (provider === 'postgresql') await prisma.$executeRawUnsafe('ANALYZE "SubscriptionDelivery"');
});

describe(`the webhooks-out queue on ${provider}`, () => {
  it("finds each envelope's first pending job and claims jobs by lookup, even with statistics taken while nothing was pending", async () => {
    const now = new Date();
    await prisma.subscriptionDelivery.updateMany({
      where: { subscriptionId },
      data: { status: 'pending', nextAttemptAt: new Date(now.getTime() - 60_000) },
    });

    const due = await findDueDeliveries(now, 64, [subscriptionId]);
    const jobs = await prisma.subscriptionDelivery.findMany({ where: { id: { in: due } } });
    expect(jobs).toHaveLength(64);
    // Each is its envelope's first: the earlier of its two positions.
    expect(jobs.every((job) => job.eventPosition < ENVELOPES)).toBe(true);

    const claimSql = claimDeliveriesSql(due, 'test-token', now);
    const claimSteps = await explainQueryPlan(prisma, provider, claimSql);
    // By id, never by walking the due jobs.
    expect(claimSteps).toMatch(
      provider === 'postgresql' ? /"Index Name":"SubscriptionDelivery_pkey"/ : /INTEGER PRIMARY KEY/,
    );
    expect(claimSteps).not.toMatch(/status_nextAttemptAt/);
    expect(await claimDeliveries(due, 'test-token', now)).toHaveLength(64);

    const query = dueDeliveriesSql(now, 64, [subscriptionId]);
    if (provider === 'postgresql') {
      const [explained] = await prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: { 'Shared Hit Blocks': number } }] }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`,
      );
      // A lookup per candidate reads a few pages each; a scan of the pending jobs per candidate read 190,000.
      expect(explained!['QUERY PLAN'][0].Plan['Shared Hit Blocks']).toBeLessThan(3_000);
    } else {
      const steps = await explainQueryPlan(prisma, provider, query);
      expect(steps.split('\n')).toContainEqual(
        expect.stringMatching(
          /^SEARCH e USING (COVERING )?INDEX SubscriptionDelivery_subscriptionId_envelopeId_eventPosition_idx \(subscriptionId=\? AND envelopeId=\?\)$/,
        ),
      );
    }
  });

  it("queues any number of events with one statement text, looking each one's wait up through its envelope's jobs", async () => {
    // New events of the fixture's envelopes, whose earlier jobs the wait is looked up among.
    const events = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        id: `${subscriptionId}-new-${index}`,
        position: 2 * ENVELOPES + index,
        envelopeId: `${subscriptionId}-envelope-${index}`,
      }));
    const now = new Date();
    const one = queueJobsSql(provider, subscriptionId, events(1), now);
    const many = queueJobsSql(provider, subscriptionId, events(40), now);
    // The same text is one compiled plan in Prisma's cache; a text per count compiled again on every dispatch.
    expect(many.sql).toBe(one.sql);
    expect(many.values).toHaveLength(one.values.length);

    const steps = await explainQueryPlan(prisma, provider, many);
    // PostgreSQL cuts the index's name at 63 characters.
    expect(steps).toMatch(/SubscriptionDelivery_subscriptionId_envelopeId_eventPositio/);
    expect(steps).not.toMatch(/status_nextAttemptAt/);
  });
});
