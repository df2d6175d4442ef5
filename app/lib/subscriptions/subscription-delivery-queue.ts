import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { parseStringList } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { DELIVERY_LEASE_MS } from './delivery-schedule';

// The SubscriptionDelivery table is the queue of webhooks out: one row per (subscription, event). Every change of
// hands is one conditional UPDATE, so of several instances racing for a job exactly one sees its row change.

const { sql, join } = Prisma;

/** Most events one dispatch pass reads per subscription. */
const DISPATCH_BATCH = 500;

export type ClaimedDelivery = {
  id: number;
  subscriptionId: string;
  eventId: string;
  envelopeId: string;
  attempts: number;
  token: string;
};

/**
 * Turns the change feed's new events into jobs, per enabled subscription: the events after its dispatched position
 * (in commit order, see feed-lock.ts), of the types it asks for. Runs after each stored batch and on every sweep;
 * two instances dispatching at once insert each job once (the unique key) and both move the position forward.
 */
export async function dispatchFeedEvents(options: { now: Date; subscriptionIds?: string[] }): Promise<number> {
  const subscriptions = await prisma.subscription.findMany({
    where: { disabledAt: null, ...(options.subscriptionIds ? { id: { in: options.subscriptionIds } } : {}) },
    select: { id: true, types: true, dispatchedPosition: true },
  });
  let dispatched = 0;
  for (const subscription of subscriptions) {
    const types = parseStringList(subscription.types);
    let position = subscription.dispatchedPosition;
    for (;;) {
      const events = await prisma.feedEvent.findMany({
        where: { position: { gt: position } },
        orderBy: { position: 'asc' },
        take: DISPATCH_BATCH,
        select: { position: true, id: true, type: true, envelopeId: true },
      });
      if (events.length === 0) break;
      const wanted = events.filter((event) => types.length === 0 || types.includes(event.type));
      dispatched += await insertJobs(subscription.id, wanted, options.now);
      const last = events.at(-1)!.position;
      await prisma.subscription.updateMany({
        where: { id: subscription.id, dispatchedPosition: { lt: last } },
        data: { dispatchedPosition: last },
      });
      position = last;
      if (events.length < DISPATCH_BATCH) break;
    }
  }
  return dispatched;
}

async function insertJobs(
  subscriptionId: string,
  events: { position: number; id: string; envelopeId: string }[],
  now: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map(
    (event) => sql`(${subscriptionId}, ${event.id}, ${event.position}, ${event.envelopeId}, ${now}, ${now})`,
  );
  return prisma.$executeRaw`
    INSERT INTO "SubscriptionDelivery" ("subscriptionId", "eventId", "eventPosition", "envelopeId", "nextAttemptAt", "createdAt")
    VALUES ${join(rows)}
    ON CONFLICT ("subscriptionId", "eventId") DO NOTHING`;
}

/**
 * Jobs that may be sent at `now`: due, not leased, of an enabled subscription, and the first still pending of their
 * envelope for that subscription (an event waits until the envelope's earlier ones were delivered or given up).
 */
export async function findDueDeliveries(now: Date, limit: number, subscriptionIds?: string[]): Promise<number[]> {
  const scope = subscriptionIds ? sql`AND d."subscriptionId" IN (${join(subscriptionIds)})` : sql``;
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT d."id" FROM "SubscriptionDelivery" d
    JOIN "Subscription" s ON s."id" = d."subscriptionId"
    WHERE d."status" = 'pending' AND s."disabledAt" IS NULL
      AND d."nextAttemptAt" <= ${now}
      AND (d."leaseExpiresAt" IS NULL OR d."leaseExpiresAt" <= ${now})
      ${scope}
      -- The envelope's first pending job for this subscription, found through the index on (subscription,
      -- envelope, position) row by row: a correlated LIMIT 1 keeps PostgreSQL on that index even before it has
      -- statistics on the table (an anti-join it planned without them read the whole table per candidate).
      AND d."eventPosition" = (
        SELECT e."eventPosition" FROM "SubscriptionDelivery" e
        WHERE e."subscriptionId" = d."subscriptionId" AND e."envelopeId" = d."envelopeId" AND e."status" = 'pending'
        ORDER BY e."eventPosition" LIMIT 1)
    ORDER BY d."nextAttemptAt", d."eventPosition"
    LIMIT ${limit}`;
  return rows.map((row) => Number(row.id));
}

/**
 * Takes due jobs for `token` until their lease runs out, in one statement: the ones another instance took meanwhile
 * (or that stopped being due) are left out of the answer.
 */
export async function claimDeliveries(ids: number[], token: string, now: Date): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_MS);
  const rows = await prisma.$queryRaw<
    { id: number; subscriptionId: string; eventId: string; envelopeId: string; attempts: number }[]
  >`
    UPDATE "SubscriptionDelivery"
    SET "leaseOwner" = ${token}, "leaseExpiresAt" = ${leaseUntil}, "attempts" = "attempts" + 1, "lastAttemptAt" = ${now}
    WHERE "id" IN (${join(ids)}) AND "status" = 'pending' AND "nextAttemptAt" <= ${now}
      AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" <= ${now})
    RETURNING "id", "subscriptionId", "eventId", "envelopeId", "attempts"`;
  return rows.map((row) => ({ ...row, id: Number(row.id), attempts: Number(row.attempts), token }));
}

/** Takes one due job (see claimDeliveries); null when another instance has it or it is not due. */
export async function claimDelivery(id: number, token: string, now: Date): Promise<ClaimedDelivery | null> {
  return (await claimDeliveries([id], token, now))[0] ?? null;
}
