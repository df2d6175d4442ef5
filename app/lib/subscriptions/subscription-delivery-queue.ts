import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { parseStringList } from '@/app/lib/db/json-columns';
import { jsonRowsTable, type JsonRowColumns } from '@/app/lib/db/json-rows';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { DELIVERY_LEASE_MS } from './delivery-schedule';

// The SubscriptionDelivery table is the queue of webhooks out: one row per (subscription, event). Every change of
// hands is one conditional UPDATE, so of several instances racing for a job exactly one sees its row change.

const { sql, join } = Prisma;

type Db = Transaction | typeof prisma;

/**
 * "The job is pending" where jobs are looked up by envelope or by id: written so that no index on the status can
 * serve it, and the lookup goes through the (subscription, envelope, position) index or the primary key. With
 * statistics taken while nothing was pending (every job delivered, the usual state), PostgreSQL otherwise took the
 * status index for such a lookup and read every pending job for each one: 0.3 s per call during an outage's
 * backlog, where it is needed most.
 */
const isPending = (alias?: string) =>
  sql`(${Prisma.raw(alias ? `${alias}."status"` : '"status"')} = 'pending') IS TRUE`;

/** Most events one dispatch pass reads per subscription. */
const DISPATCH_BATCH = 500;

export type ClaimedDelivery = {
  id: number;
  subscriptionId: string;
  eventId: string;
  envelopeId: string;
  eventPosition: number;
  attempts: number;
  token: string;
};

/**
 * Turns the change feed's new events into jobs, per enabled subscription: the events after its dispatched position
 * (in commit order, see feed-lock.ts), of the types it asks for. Runs after each stored batch and on every sweep;
 * two instances dispatching at once insert each job once (the unique key) and both move the position forward.
 */
export async function dispatchFeedEvents(options: {
  now: Date;
  subscriptionIds?: string[];
  /** Most feed events read per subscription in this call; the rest wait for the next (`more` says whether any do). */
  limit?: number;
}): Promise<{ dispatched: number; more: boolean }> {
  const limit = options.limit ?? Infinity;
  const subscriptions = await prisma.subscription.findMany({
    where: { disabledAt: null, ...(options.subscriptionIds ? { id: { in: options.subscriptionIds } } : {}) },
    select: { id: true, types: true, dispatchedPosition: true },
  });
  let dispatched = 0;
  let more = false;
  for (const subscription of subscriptions) {
    const types = parseStringList(subscription.types);
    let position = subscription.dispatchedPosition;
    for (let read = 0; ;) {
      if (read >= limit) {
        more = true;
        break;
      }
      const take = Math.min(DISPATCH_BATCH, limit - read);
      const events = await prisma.feedEvent.findMany({
        where: { position: { gt: position } },
        orderBy: { position: 'asc' },
        take,
        select: { position: true, id: true, type: true, envelopeId: true },
      });
      if (events.length === 0) break;
      const wanted = events.filter((event) => types.length === 0 || types.includes(event.type));
      dispatched += await queueJobs(subscription.id, wanted, options.now);
      const last = events.at(-1)!.position;
      await prisma.subscription.updateMany({
        where: { id: subscription.id, dispatchedPosition: { lt: last } },
        data: { dispatchedPosition: last },
      });
      position = last;
      read += events.length;
      if (events.length < take) break;
    }
  }
  return { dispatched, more };
}

/**
 * Jobs for these events, due now, or, behind an earlier job of their envelope that waits for its retry, when that
 * one is due (see holdBackFollowers). A job that exists already stays as it is, unless `requeue` (resend): then it
 * starts over (pending, no attempts, due then, same webhook-id).
 */
export async function queueJobs(
  subscriptionId: string,
  events: { position: number; id: string; envelopeId: string }[],
  now: Date,
  options: { requeue?: boolean } = {},
): Promise<number> {
  if (events.length === 0) return 0;
  return prisma.$executeRaw(queueJobsSql(getDatabaseProvider(), subscriptionId, events, now, options));
}

const QUEUED_EVENT_COLUMNS = { eventId: 'text', eventPosition: 'integer', envelopeId: 'text' } satisfies JsonRowColumns;

/**
 * The statement of queueJobs, for a test to look at its plan. The events go in as one JSON parameter, so its text is
 * the same whatever their number and Prisma compiles it once, not on every dispatch (a VALUES row per event made a
 * new statement, and a new compilation, for each count).
 */
export function queueJobsSql(
  provider: DatabaseProvider,
  subscriptionId: string,
  events: readonly { position: number; id: string; envelopeId: string }[],
  now: Date,
  options: { requeue?: boolean } = {},
): Prisma.Sql {
  const rows = events.map((event) => ({
    eventId: event.id,
    eventPosition: event.position,
    envelopeId: event.envelopeId,
  }));
  const onConflict = options.requeue
    ? sql`DO UPDATE SET "status" = 'pending', "attempts" = 0, "nextAttemptAt" = excluded."nextAttemptAt",
        "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "deliveredAt" = NULL`
    : sql`DO NOTHING`;
  // The wait is looked up per row, through the (subscription, envelope, position) index: as one UPDATE joined with
  // the queue afterwards, PostgreSQL at times planned it as a scan of every pending job (0.3 s per call under a
  // flood). "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
  return sql`
    INSERT INTO "SubscriptionDelivery" ("subscriptionId", "eventId", "eventPosition", "envelopeId", "nextAttemptAt", "createdAt")
    SELECT ${subscriptionId}, t."eventId", t."eventPosition", t."envelopeId",
      COALESCE((
        SELECT MAX(h."nextAttemptAt") FROM "SubscriptionDelivery" h
        WHERE h."subscriptionId" = ${subscriptionId} AND h."envelopeId" = t."envelopeId"
          AND ${isPending('h')} AND h."eventPosition" < t."eventPosition" AND h."nextAttemptAt" > ${now}
      ), ${now}),
      ${now}
    FROM ${jsonRowsTable(provider, rows, QUEUED_EVENT_COLUMNS)}
    WHERE true
    ON CONFLICT ("subscriptionId", "eventId") ${onConflict}`;
}

/** How many due jobs, in due order, are looked at for the ones first in line for their envelope. */
const DUE_WINDOW = 1_024;

/**
 * Jobs that may be sent at `now`: due, not leased, of an enabled subscription, and the first still pending of their
 * envelope for that subscription (an event waits until the envelope's earlier ones were delivered or given up).
 * Only the first DUE_WINDOW due jobs are looked at, so a large backlog costs the same as a small one; that sees
 * every envelope in turn because an envelope's later jobs are never due before its first one (see
 * holdBackFollowers and queueJobs).
 */
export async function findDueDeliveries(now: Date, limit: number, subscriptionIds?: string[]): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>(dueDeliveriesSql(now, limit, subscriptionIds));
  return rows.map((row) => Number(row.id));
}

/** The query of findDueDeliveries, for a test to look at its plan. */
export function dueDeliveriesSql(now: Date, limit: number, subscriptionIds?: string[]): Prisma.Sql {
  const scope = subscriptionIds ? sql`AND d."subscriptionId" IN (${join(subscriptionIds)})` : sql``;
  return sql`
    SELECT c."id" FROM (
      SELECT d."id", d."subscriptionId", d."envelopeId", d."eventPosition", d."nextAttemptAt"
      FROM "SubscriptionDelivery" d
      JOIN "Subscription" s ON s."id" = d."subscriptionId"
      WHERE d."status" = 'pending' AND s."disabledAt" IS NULL
        AND d."nextAttemptAt" <= ${now}
        AND (d."leaseExpiresAt" IS NULL OR d."leaseExpiresAt" <= ${now})
        ${scope}
      ORDER BY d."nextAttemptAt", d."eventPosition"
      LIMIT ${DUE_WINDOW}
    ) AS c
    WHERE c."eventPosition" = (
      SELECT e."eventPosition" FROM "SubscriptionDelivery" e
      WHERE e."subscriptionId" = c."subscriptionId" AND e."envelopeId" = c."envelopeId" AND ${isPending('e')}
      ORDER BY e."eventPosition" LIMIT 1)
    ORDER BY c."nextAttemptAt", c."eventPosition"
    LIMIT ${limit}`;
}

/**
 * After an envelope's first job failed and waits for its retry, its later jobs wait at least as long: they could not
 * go before it anyway, and left due they would fill the front of the queue ahead of other envelopes.
 */
export async function holdBackFollowers(
  db: Db,
  job: { subscriptionId: string; envelopeId: string; eventPosition: number },
  until: Date,
): Promise<void> {
  await db.$executeRaw`
    UPDATE "SubscriptionDelivery" SET "nextAttemptAt" = ${until}
    WHERE "subscriptionId" = ${job.subscriptionId} AND "envelopeId" = ${job.envelopeId} AND ${isPending()}
      AND "eventPosition" > ${job.eventPosition} AND "nextAttemptAt" < ${until}`;
}

/**
 * Takes due jobs for `token` until their lease runs out, in one statement: the ones another instance took meanwhile
 * (or that stopped being due) are left out of the answer.
 */
export async function claimDeliveries(ids: number[], token: string, now: Date): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<
    {
      id: number;
      subscriptionId: string;
      eventId: string;
      envelopeId: string;
      eventPosition: number;
      attempts: number;
    }[]
  >(claimDeliveriesSql(ids, token, now));
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    eventPosition: Number(row.eventPosition),
    attempts: Number(row.attempts),
    token,
  }));
}

/** The statement of claimDeliveries, for a test to look at its plan. */
export function claimDeliveriesSql(ids: number[], token: string, now: Date): Prisma.Sql {
  const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_MS);
  return sql`
    UPDATE "SubscriptionDelivery"
    SET "leaseOwner" = ${token}, "leaseExpiresAt" = ${leaseUntil}, "attempts" = "attempts" + 1, "lastAttemptAt" = ${now}
    WHERE "id" IN (${join(ids)}) AND ${isPending()} AND "nextAttemptAt" <= ${now}
      AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" <= ${now})
    RETURNING "id", "subscriptionId", "eventId", "envelopeId", "eventPosition", "attempts"`;
}
