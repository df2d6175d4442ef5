import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Database } from '@/app/lib/db/create-prisma-client';
import { getDatabaseConfig, parseDatabaseUrl } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { ENVELOPE_STATUSES } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { getCompletedPerDay } from '@/app/lib/insights/get-completed-per-day';
import { getOpenToCompletionDistribution } from '@/app/lib/insights/get-open-to-completion-distribution';
import { getSigningFunnel } from '@/app/lib/insights/get-signing-funnel';
import { getSlowestRecipients } from '@/app/lib/insights/get-slowest-recipients';
import { listStuckEnvelopes } from '@/app/lib/insights/list-stuck-envelopes';
import { rankSlowestRecipients } from '@/app/lib/insights/rank-slowest-recipients';
import { resolveInsightsPeriod } from '@/app/lib/insights/resolve-insights-period';
import { sumCompletedPerDay } from '@/app/lib/insights/sum-completed-per-day';
import { sumOpenToCompletionDistribution } from '@/app/lib/insights/sum-open-to-completion-distribution';
import { sumSigningFunnel } from '@/app/lib/insights/sum-signing-funnel';
import { createEmptyDatabase } from '@/app/testing/empty-database';
import { noEnvelopesPerStatus } from '@/app/testing/no-envelopes-per-status';
import { signatureWaitFigures } from './envelope-figures';
import { foldRollupChanges } from './fold-rollup-changes';
import { readStatusCounts } from './read-status-counts';

// Random histories of envelopes and recipients (created, changed in any column the rollups read, deleted, folded at
// random moments), then every figure read from the rollups is compared with the same figure counted from the
// envelopes. Writes go straight to the tables: the database's triggers mark changes whoever writes, so this stands
// for the ingest writers, reconciliation, replays and purges alike. A database of its own: the totals are global.

const DAY = 86_400_000;
const NOW = new Date('2026-03-29T10:37:12.345Z'); // the day Europe moves its clocks
const ZONES = ['UTC', 'Europe/Bucharest', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
const HOOKS = ['hook-a', 'hook-b'];
const EMAILS = ['ana@example.com', 'Ana@Example.com', 'bo@example.com', 'cy@example.com', 'dee@example.com'];
// Few ids, so that most changes and deletes find an envelope a fold has already counted (with many, a change would
// mostly miss, and a missing trigger could go unnoticed).
const ENVELOPE_IDS = ['env-1', 'env-2', 'env-3'];

// Within 40 days before NOW, and a few minutes after it (a sender's clock ahead of ours).
const time = fc.integer({ min: NOW.getTime() - 40 * DAY, max: NOW.getTime() + 300_000 }).map((ms) => new Date(ms));
const maybeTime = fc.option(time, { nil: null });

const envelopeModel = {
  hookId: fc.constantFrom(...HOOKS),
  isTest: fc.boolean(),
  status: fc.constantFrom(...ENVELOPE_STATUSES),
  firstSeenAt: time,
  firstOpenedAt: maybeTime,
  finishedAt: maybeTime,
  lastEventAt: time,
  signedCount: fc.integer({ min: 0, max: 2 }),
};
const recipientModel = {
  email: fc.option(fc.constantFrom(...EMAILS), { nil: null }),
  name: fc.option(fc.constantFrom('Ana', 'Bo', 'Cy'), { nil: null }),
  invitedAt: maybeTime,
  firstOpenedAt: maybeTime,
  finishedAt: maybeTime,
};
const envelopeFields = fc.record(envelopeModel);
// Half of them signed in order (invited, then finished within 20 days), so that most have a signature wait to count.
const recipientFields = fc.oneof(
  fc.record(recipientModel),
  fc
    .record({
      ...recipientModel,
      email: fc.constantFrom(...EMAILS),
      invitedAt: time,
      waitMs: fc.integer({ min: 0, max: 20 * DAY }),
    })
    .map(({ waitMs, ...recipient }) => ({
      ...recipient,
      finishedAt: new Date(Math.min(recipient.invitedAt.getTime() + waitMs, NOW.getTime())),
    })),
);
type EnvelopeFields = typeof envelopeFields extends fc.Arbitrary<infer T> ? T : never;
type RecipientFields = typeof recipientFields extends fc.Arbitrary<infer T> ? T : never;

type Step =
  | { kind: 'create'; id: string; envelope: EnvelopeFields; recipients: RecipientFields[] }
  | { kind: 'update'; id: string; changes: Partial<EnvelopeFields> }
  | { kind: 'updateRecipient'; id: string; index: number; changes: Partial<RecipientFields> }
  | { kind: 'addRecipient'; id: string; index: number; recipient: RecipientFields }
  | { kind: 'deleteRecipient'; id: string; index: number }
  | { kind: 'delete'; id: string }
  | { kind: 'fold'; limit: number }
  | { kind: 'check' };

const id = fc.constantFrom(...ENVELOPE_IDS);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      id,
      envelope: envelopeFields,
      recipients: fc.array(recipientFields, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      id,
      changes: fc.record(envelopeModel, { requiredKeys: [] }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('updateRecipient' as const),
      id,
      index: fc.nat({ max: 2 }),
      // Some columns at random, or a whole new signature (which a later check must see).
      changes: fc.oneof(fc.record(recipientModel, { requiredKeys: [] }), recipientFields),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('addRecipient' as const),
      id,
      index: fc.nat({ max: 2 }),
      recipient: recipientFields,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('deleteRecipient' as const), id, index: fc.nat({ max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), id }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fold' as const), limit: fc.integer({ min: 1, max: 3 }) }) },
  // Halfway checks: a change whose mark is missing shows before a later change of the same envelope hides it.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('check' as const) }) },
);

async function apply(db: Database, step: Step) {
  await write(db, step);
  if (step.kind !== 'delete' && step.kind !== 'fold' && step.kind !== 'check') {
    await keepLastEventLatest(db, step.id);
  }
}

/**
 * As the app keeps it: an envelope's last event is at or after every time it and its recipients hold (the queries
 * counting from the envelopes rely on it to use the lastEventAt indexes).
 */
async function keepLastEventLatest(db: Database, id: string) {
  const envelope = await db.envelope.findUnique({ where: { id }, include: { recipients: true } });
  if (!envelope) return;
  const times = [envelope, ...envelope.recipients].flatMap((row) =>
    Object.values(row).filter((value): value is Date => value instanceof Date),
  );
  const latest = new Date(Math.max(...times.map((at) => at.getTime())));
  if (latest > envelope.lastEventAt) await db.envelope.update({ where: { id }, data: { lastEventAt: latest } });
}

async function write(db: Database, step: Step) {
  switch (step.kind) {
    case 'create': {
      if (await db.envelope.findUnique({ where: { id: step.id }, select: { id: true } })) return;
      await db.envelope.create({
        data: {
          id: step.id,
          ...step.envelope,
          customValues: {},
          searchText: step.id,
          lastAction: 'workstepOpened',
          recipients: {
            create: step.recipients.map((recipient, index) => ({ key: `order:${index + 1}`, ...recipient })),
          },
        },
      });
      return;
    }
    case 'update':
      await db.envelope.updateMany({ where: { id: step.id }, data: step.changes });
      return;
    case 'updateRecipient': {
      const recipient = await nthRecipient(db, step.id, step.index);
      if (recipient) await db.recipient.updateMany({ where: { id: recipient.id }, data: step.changes });
      return;
    }
    case 'addRecipient': {
      const key = `order:${step.index + 1}`;
      const envelope = await db.envelope.findUnique({ where: { id: step.id }, select: { id: true } });
      if (!envelope || (await db.recipient.findFirst({ where: { envelopeId: step.id, key } }))) return;
      await db.recipient.create({ data: { envelopeId: step.id, key, ...step.recipient } });
      return;
    }
    case 'deleteRecipient': {
      const recipient = await nthRecipient(db, step.id, step.index);
      if (recipient) await db.recipient.deleteMany({ where: { id: recipient.id } });
      return;
    }
    case 'delete':
      await db.envelope.deleteMany({ where: { id: step.id } });
      return;
    case 'fold':
      await foldRollupChanges({ db, limit: step.limit });
      return;
    case 'check':
      await expectRollupsToMatchRecount(db, []);
      return;
  }
}

/** One of the envelope's recipients, whichever it has (most steps then find one). */
async function nthRecipient(db: Database, envelopeId: string, index: number) {
  const recipients = await db.recipient.findMany({
    where: { envelopeId },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  return recipients.length > 0 ? recipients[index % recipients.length]! : null;
}

/** Every figure the rollups give next to the same figure counted from the envelopes. */
async function expectRollupsToMatchRecount(db: Database, views: { zone: string; days: number; stuck: number }[]) {
  expect((await foldRollupChanges({ db, limit: 10_000 })).pending).toBe(false);
  for (const hookId of [undefined, ...HOOKS]) {
    for (const includeTests of [false, true]) {
      const counted = noEnvelopesPerStatus();
      const rows = await db.envelope.groupBy({
        by: ['status'],
        where: { ...(hookId ? { hookId } : {}), ...(includeTests ? {} : { isTest: false }) },
        _count: { _all: true },
      });
      for (const row of rows) counted[row.status] = row._count._all;
      expect(await readStatusCounts({ db, hookId, includeTests }), `counts of ${hookId} tests ${includeTests}`).toEqual(
        counted,
      );
    }
  }
  // The signature waits themselves, whatever period a view would pick them by.
  const recipients = await db.recipient.findMany({ where: { envelope: { isTest: false } } });
  const expectedWaits = recipients.flatMap((recipient) => signatureWaitFigures(recipient) ?? []);
  const byRecipient = (a: { recipientId: number }, b: { recipientId: number }) => a.recipientId - b.recipientId;
  expect((await db.signatureWait.findMany()).sort(byRecipient), 'signature waits').toEqual(
    expectedWaits.sort(byRecipient),
  );
  for (const view of views) {
    const period = resolveInsightsPeriod({ days: view.days, now: NOW, timeZone: view.zone });
    const label = `${view.days} days in ${view.zone}`;
    expect(await sumCompletedPerDay({ period, db }), label).toEqual(await getCompletedPerDay({ period, db }));
    expect(await sumSigningFunnel({ period, db }), label).toEqual(await getSigningFunnel({ period, db }));
    expect(await sumOpenToCompletionDistribution({ period, db }), label).toEqual(
      await getOpenToCompletionDistribution({ period, db }),
    );
    // Every recipient, not just the slowest few: a signature wait left out of the rollup must show.
    expect(await rankSlowestRecipients({ period, db, limit: 100 }), label).toEqual(
      await getSlowestRecipients({ period, db, limit: 100 }),
    );
    const stuck = { stuckDays: view.stuck, now: NOW, db };
    expect((await listStuckEnvelopes({ ...stuck, useRollups: true })).total, label).toBe(
      (await listStuckEnvelopes({ ...stuck, useRollups: false })).total,
    );
  }
}

describe('rollups', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const empty = await createEmptyDatabase(getDatabaseConfig().provider);
    drop = empty.drop;
    const config = parseDatabaseUrl(empty.url);
    await applyMigrations({ config });
    db = createPrismaClient(config);
    for (const hookId of HOOKS) await db.hook.create({ data: { id: hookId, name: hookId, allowedNetworks: [] } });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await drop?.();
  });

  it('equal a full recount after any history of creates, changes, deletes and partial folds', async () => {
    const view = fc.record({
      zone: fc.constantFrom(...ZONES),
      days: fc.constantFrom(7, 30, 90),
      stuck: fc.constantFrom(0, 3, 45),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 30 }),
        fc.array(view, { minLength: 1, maxLength: 2 }),
        async (steps, views) => {
          await startOver(db);
          for (const each of steps) await apply(db, each);
          await expectRollupsToMatchRecount(db, views);
          // Deleting everything takes every figure back out: nothing is left behind in any rollup.
          await db.envelope.deleteMany({});
          await foldRollupChanges({ db, limit: 1_000 });
          expect(await db.envelopeRollup.count()).toBe(0);
          expect(await db.signatureWait.count()).toBe(0);
          expect(await db.statusCount.count()).toBe(0);
          expect(
            await db.insightQuarter.count({
              where: { OR: nonZero(['completed', 'invited', 'opened', 'signed', 'finished', 'rejected', 'expired']) },
            }),
          ).toBe(0);
          expect(await db.completionDurationDay.count({ where: { count: { not: 0 } } })).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  // One write of each kind the database's triggers must see (and two they must not), each after a full fold: the
  // random histories above rarely isolate a single write, so a missing trigger is caught here for certain.
  const writes: { name: string; marks: boolean; write: (db: Database) => Promise<unknown> }[] = [
    { name: 'a new envelope', marks: true, write: (db) => createEnvelope(db, 'env-new') },
    ...(['hookId', 'isTest', 'status', 'firstSeenAt', 'firstOpenedAt', 'finishedAt', 'signedCount'] as const).map(
      (column) => ({
        name: `an envelope's ${column}`,
        marks: true,
        write: (db: Database) =>
          db.envelope.update({ where: { id: 'env-1' }, data: { [column]: CHANGED_ENVELOPE[column] } }),
      }),
    ),
    {
      name: "only an envelope's last event",
      marks: false,
      write: (db) => db.envelope.update({ where: { id: 'env-1' }, data: { lastEventAt: NOW } }),
    },
    { name: 'a deleted envelope', marks: true, write: (db) => db.envelope.delete({ where: { id: 'env-1' } }) },
    {
      name: 'a new signed recipient',
      marks: true,
      write: (db) => db.recipient.create({ data: { envelopeId: 'env-1', key: 'order:9', ...SIGNED } }),
    },
    {
      name: 'a new recipient who has not signed',
      marks: false,
      write: (db) => db.recipient.create({ data: { envelopeId: 'env-1', key: 'order:9', email: 'bo@example.com' } }),
    },
    ...(['email', 'name', 'invitedAt', 'firstOpenedAt', 'finishedAt'] as const).map((column) => ({
      name: `a signed recipient's ${column}`,
      marks: true,
      write: (db: Database) =>
        db.recipient.updateMany({ where: { envelopeId: 'env-1' }, data: { [column]: CHANGED_RECIPIENT[column] } }),
    })),
    {
      name: 'a deleted signed recipient',
      marks: true,
      write: (db) => db.recipient.deleteMany({ where: { envelopeId: 'env-1' } }),
    },
  ];

  it.each(writes)('are marked for the fold by $name', async ({ write, marks }) => {
    await startOver(db);
    await createEnvelope(db, 'env-1');
    await foldRollupChanges({ db, limit: 10 });
    await write(db);
    const marked = await db.rollupChange.findMany({ select: { envelopeId: true } });
    expect(marked.length > 0).toBe(marks);
    await expectRollupsToMatchRecount(db, [{ zone: 'UTC', days: 30, stuck: 3 }]);
  });

  it('keep the figures of envelopes stored before the rollups existed (the migration queues them all)', async () => {
    const history = fc.sample(fc.array(step, { minLength: 20, maxLength: 20 }), { numRuns: 1, seed: 42 })[0]!;
    for (const each of history) await apply(db, each);
    // More than a fold's transaction takes at once: a backlog is folded over several.
    const backlog = fc.sample(fc.tuple(envelopeFields, recipientFields), { numRuns: 1_200, seed: 7 });
    await db.envelope.createMany({
      data: backlog.map(([envelope], index) => ({
        ...envelope,
        id: `backlog-${index}`,
        lastEventAt: new Date(NOW.getTime() + 600_000),
        customValues: {},
        searchText: `backlog-${index}`,
        lastAction: 'workstepOpened',
      })),
    });
    await db.recipient.createMany({
      data: backlog.map(([, recipient], index) => ({ ...recipient, envelopeId: `backlog-${index}`, key: 'order:1' })),
    });
    // As if the migration ran on a database with these envelopes: rollups empty, every envelope queued.
    await emptyRollups(db);
    await db.$executeRawUnsafe('INSERT INTO "RollupChange" ("envelopeId") SELECT "id" FROM "Envelope"');
    await expectRollupsToMatchRecount(db, [{ zone: 'Asia/Kolkata', days: 30, stuck: 3 }]);
    await db.envelope.deleteMany({});
    await foldRollupChanges({ db });
  });
});

const SIGNED = {
  email: 'ana@example.com',
  name: 'Ana',
  invitedAt: new Date(NOW.getTime() - 3 * DAY),
  firstOpenedAt: new Date(NOW.getTime() - 2 * DAY),
  finishedAt: new Date(NOW.getTime() - DAY),
};
const CHANGED_RECIPIENT = {
  email: 'cy@example.com',
  name: 'Cy',
  invitedAt: new Date(NOW.getTime() - 5 * DAY),
  firstOpenedAt: new Date(NOW.getTime() - 4 * DAY),
  finishedAt: new Date(NOW.getTime() - 2 * 3_600_000),
};
const CHANGED_ENVELOPE = {
  hookId: 'hook-b',
  isTest: true,
  status: 'completed' as const,
  firstSeenAt: new Date(NOW.getTime() - 6 * DAY),
  firstOpenedAt: new Date(NOW.getTime() - 3 * DAY),
  finishedAt: new Date(NOW.getTime() - 3_600_000),
  signedCount: 2,
};

/** A sent envelope of hook-a, opened, with one signed recipient. */
async function createEnvelope(db: Database, id: string) {
  await db.envelope.create({
    data: {
      id,
      hookId: 'hook-a',
      status: 'partially_signed',
      firstSeenAt: new Date(NOW.getTime() - 4 * DAY),
      firstOpenedAt: new Date(NOW.getTime() - 2 * DAY),
      lastEventAt: NOW,
      signedCount: 1,
      customValues: {},
      searchText: id,
      lastAction: 'workstepFinished',
      recipients: { create: [{ key: 'order:1', ...SIGNED }] },
    },
  });
}

/** Each run starts from nothing, whatever a failed run before it left (fast-check shrinks by running again). */
async function startOver(db: Database) {
  await db.envelope.deleteMany({});
  await emptyRollups(db);
}

async function emptyRollups(db: Database) {
  const tables = [
    'RollupChange',
    'EnvelopeRollup',
    'SignatureWait',
    'StatusCount',
    'InsightQuarter',
    'CompletionDurationDay',
  ];
  for (const table of tables) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
}

function nonZero(columns: string[]) {
  return columns.map((column) => ({ [column]: { not: 0 } }));
}
