import { Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import { prisma } from '@/app/lib/db/prisma';
import {
  createScratchPostgresqlDatabase,
  dropScratchPostgresqlDatabase,
} from '@/app/lib/db/scratch-postgresql-database';
import { createTestHook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import type { Job } from './apply-notifications';
import { ingestJob as job } from '@/app/testing/ingest-job';
import type { EnvelopeWriter } from './envelope-writer';
import { createPostgresqlEnvelopeWriter, READ_STATE, WRITER_CONNECTION_OPTIONS } from './postgresql-envelope-writer';

// The route tests cover the rules through HTTP on both databases; these cover what only the
// PostgreSQL path has: several app instances at once, pipelined statements, its own connection.

const isPostgresql = inject('databaseProvider') === 'postgresql';

const writers = new Map<string, EnvelopeWriter>();

/** Stores a batch as the app instance behind `connectionString` would (one writer, one connection, per instance). */
async function ingestBatchOnPostgresql(options: { connectionString: string; jobs: Job[] }) {
  let writer = writers.get(options.connectionString);
  if (!writer)
    writers.set(options.connectionString, (writer = createPostgresqlEnvelopeWriter(options.connectionString)));
  return (await writer.storeBatch(options.jobs)).results;
}

/** The test database as another app instance would reach it (each instance has its own connection). */
function instanceUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('application_name', name);
  return url.toString();
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe.skipIf(!isPostgresql)('storing batches on PostgreSQL', () => {
  it("reads a batch's state through the keys' indexes with a plan made while the tables were empty", async () => {
    // A new database, as the writer's prepared statements often first meet one: their cached plan stays.
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const url = await createScratchPostgresqlDatabase(serverUrl, 'envtest_writer_plan');
    try {
      await applyMigrations({ config: parseDatabaseUrl(url) });
      const scannedTables = async (options?: string) => {
        const client = new pg.Client({ connectionString: url, options });
        await client.connect();
        try {
          await client.query('SET plan_cache_mode = force_generic_plan');
          await client.query(`PREPARE read_state AS ${READ_STATE.text}`);
          const now = new Date().toISOString();
          const { rows } = await client.query(
            `EXPLAIN (FORMAT JSON) EXECUTE read_state('{an-envelope}', '{a-key}', '${now}', '${now}', '{a-hook}', '{an-id}')`,
          );
          const plan = JSON.stringify(rows[0]['QUERY PLAN']);
          return [...plan.matchAll(/"Node Type":"Seq Scan",[^}]*?"Relation Name":"(\w+)"/g)].map((match) => match[1]);
        } finally {
          await client.end();
        }
      };
      expect(await scannedTables()).not.toEqual([]);
      expect(await scannedTables(WRITER_CONNECTION_OPTIONS)).toEqual([]);
    } finally {
      await dropScratchPostgresqlDatabase(serverUrl, url, 'envtest_writer_plan');
    }
  });

  it('stores each milestone once when two app instances receive the same notifications at the same time', async () => {
    const hook = await createTestHook('two instances');
    const envelopeIds = Array.from({ length: 12 }, () => uniqueEnvelopeId());
    const milestones = (envelopeId: string): Job[] => [
      job(hook.id, envelopeId, 'sendSignNotification', { recipientOrder: 1, recipientEmail: 'a@example.com' }),
      job(hook.id, envelopeId, 'workstepFinished', { recipientOrder: 1, recipientEmail: 'a@example.com' }),
      job(hook.id, envelopeId, 'workstepFinished', { recipientOrder: 2, recipientEmail: 'b@example.com' }),
      job(hook.id, envelopeId, 'envelopeFinished', { isFinishCallback: true }),
    ];
    // Both instances get every notification at the same time, in batches of different sizes, so
    // their batches overlap on the same envelopes.
    const instances = [
      { connectionString: instanceUrl('ingest-test-a'), envelopesPerBatch: 3 },
      { connectionString: instanceUrl('ingest-test-b'), envelopesPerBatch: 2 },
    ];
    const sent = await Promise.all(
      instances.map(async ({ connectionString, envelopesPerBatch }) => {
        const results = [];
        for (let start = 0; start < envelopeIds.length; start += envelopesPerBatch) {
          const jobs = envelopeIds.slice(start, start + envelopesPerBatch).flatMap(milestones);
          results.push(...(await ingestBatchOnPostgresql({ connectionString, jobs })));
        }
        return results;
      }),
    );

    const results = sent.flat();
    expect(results).toHaveLength(envelopeIds.length * 4 * 2);
    expect(results.filter((result) => !result.duplicate)).toHaveLength(envelopeIds.length * 4);
    for (const envelopeId of envelopeIds) {
      const envelope = await prisma.envelope.findUniqueOrThrow({
        where: { id: envelopeId },
        include: { events: true, recipients: true },
      });
      const milestoneEvents = envelope.events.filter((event) => event.action !== 'sendSignNotification');
      expect(milestoneEvents.map((event) => event.dedupeKey).sort()).toEqual([
        'envelopeFinished|-',
        'workstepFinished|order:1',
        'workstepFinished|order:2',
      ]);
      expect(milestoneEvents.every((event) => event.duplicateCount === 1)).toBe(true);
      expect(envelope).toMatchObject({ status: 'completed', recipientCount: 2, signedCount: 2 });
      expect(envelope.recipients).toHaveLength(2);
    }
    const deliveries = await prisma.delivery.groupBy({ by: ['outcome'], where: { hookId: hook.id }, _count: true });
    expect(Object.fromEntries(deliveries.map((row) => [row.outcome, row._count]))).toEqual({
      accepted: envelopeIds.length * 4,
      duplicate: envelopeIds.length * 4,
    });
  });

  it('stores nothing of a batch with a row the database refuses, and stores the next batch', async () => {
    const hook = await createTestHook('refused row');
    const kept = uniqueEnvelopeId();
    const connectionString = instanceUrl('ingest-test-refused');
    const refused = ingestBatchOnPostgresql({
      connectionString,
      jobs: [job(hook.id, kept, 'workstepOpened'), job('no-such-hook', uniqueEnvelopeId(), 'workstepOpened')],
    });
    await expect(refused).rejects.toMatchObject({ code: '23503' });
    await expect(refused).rejects.toBeInstanceOf(pg.DatabaseError);
    expect(await prisma.envelope.findUnique({ where: { id: kept } })).toBeNull();
    expect(await prisma.delivery.count({ where: { hookId: hook.id } })).toBe(0);

    const [result] = await ingestBatchOnPostgresql({ connectionString, jobs: [job(hook.id, kept, 'workstepOpened')] });
    expect(result).toMatchObject({ duplicate: false, status: 'opened' });
    expect(await prisma.delivery.count({ where: { hookId: hook.id } })).toBe(1);
  });

  it('keeps time stamps in UTC whatever the time zone of the process', async () => {
    vi.stubEnv('TZ', 'Pacific/Auckland');
    const hook = await createTestHook('time zone');
    const envelopeId = uniqueEnvelopeId();
    const connectionString = instanceUrl('ingest-test-time-zone');
    const first = new Date('2026-03-01T10:00:00.123Z');
    const opened = (at: Date) => job(hook.id, envelopeId, 'workstepOpened', { at, recipientOrder: 1 });
    await ingestBatchOnPostgresql({ connectionString, jobs: [opened(first)] });
    // Read back from the database in the next batch: within the repeat window only if read right.
    const [again] = await ingestBatchOnPostgresql({
      connectionString,
      jobs: [opened(new Date(first.getTime() + 59_000))],
    });
    expect(again!.duplicate).toBe(true);

    const envelope = await prisma.envelope.findUniqueOrThrow({
      where: { id: envelopeId },
      include: { events: true, recipients: true },
    });
    expect(envelope.firstSeenAt.toISOString()).toBe(first.toISOString());
    expect(envelope.firstOpenedAt?.toISOString()).toBe(first.toISOString());
    expect(envelope.events.map((event) => event.lastDuplicateAt?.toISOString())).toEqual([
      new Date(first.getTime() + 59_000).toISOString(),
    ]);
    expect(envelope.recipients[0]!.firstOpenedAt?.toISOString()).toBe(first.toISOString());
    const [delivery] = await prisma.delivery.findMany({ where: { hookId: hook.id }, orderBy: { receivedAt: 'asc' } });
    expect(delivery!.receivedAt.toISOString()).toBe(first.toISOString());
  });

  it('stores a lone surrogate from a JSON body as U+FFFD instead of failing the batch', async () => {
    const hook = await createTestHook('surrogate');
    const envelopeId = uniqueEnvelopeId();
    const jobs = [job(hook.id, envelopeId, 'workstepOpened', { customValues: { note: 'x\udc00y' } })];
    await ingestBatchOnPostgresql({ connectionString: instanceUrl('ingest-test-surrogate'), jobs });
    const envelope = await prisma.envelope.findUniqueOrThrow({ where: { id: envelopeId }, include: { events: true } });
    expect(envelope.customValues).toEqual({ note: 'x\ufffdy' });
    expect(envelope.events[0]!.customValues).toEqual({ note: 'x\ufffdy' });
  });

  it('sends a batch in two writes: begin, lock and read together, then the writes and the commit', async () => {
    const hook = await createTestHook('two writes');
    const connectionString = instanceUrl('ingest-test-two-writes');
    // The first batch also opens the connection; the second is what every later batch costs.
    await ingestBatchOnPostgresql({ connectionString, jobs: [job(hook.id, uniqueEnvelopeId(), 'workstepOpened')] });
    const writes = [vi.spyOn(Socket.prototype, '_write'), vi.spyOn(Socket.prototype, '_writev')];

    const envelopeId = uniqueEnvelopeId();
    const results = await ingestBatchOnPostgresql({
      connectionString,
      jobs: [job(hook.id, envelopeId, 'sendSignNotification'), job(hook.id, envelopeId, 'workstepOpened')],
    });

    // Each write is a system call, and each is read by the server: one per statement was six to eight.
    expect(writes.reduce((calls, spy) => calls + spy.mock.calls.length, 0)).toBe(2);
    expect(results.map((result) => result.duplicate)).toEqual([false, false]);
    expect(await prisma.event.count({ where: { envelopeId } })).toBe(2);
  });

  it('opens a new connection when its connection was closed by the server', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const hook = await createTestHook('reconnect');
    const connectionString = instanceUrl('ingest-test-reconnect');
    await ingestBatchOnPostgresql({ connectionString, jobs: [job(hook.id, uniqueEnvelopeId(), 'workstepOpened')] });
    const terminated = await prisma.$queryRaw<{ terminated: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
      WHERE application_name = 'ingest-test-reconnect'`;
    expect(terminated).toEqual([{ terminated: true }]);
    // The pool notices the closed connection (idle, or when the next batch fails on it).
    await vi.waitFor(async () => {
      const jobs = [job(hook.id, uniqueEnvelopeId(), 'workstepOpened')];
      await ingestBatchOnPostgresql({ connectionString, jobs });
    });
    expect(await prisma.delivery.count({ where: { hookId: hook.id } })).toBeGreaterThanOrEqual(2);
  });
});
