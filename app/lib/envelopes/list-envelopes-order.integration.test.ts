import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { explainQueryPlan } from '@/app/testing/explain-query-plan';
import { createPlannerDatabase } from '@/app/testing/planner-database';
import { noEnvelopesPerStatus } from '@/app/testing/no-envelopes-per-status';
import { seedEnvelopes } from '@/app/testing/seed-envelopes';
import { countByStatusSql, countEnvelopesByStatus } from './count-envelopes-by-status';
import {
  decodeListCursor,
  ENVELOPE_SORTS,
  SORT_DIRECTIONS,
  statusPosition,
  type EnvelopeOrder,
} from './envelope-list-order';
import { listEnvelopesQuerySchema, type EnvelopeFilters } from './envelope-schemas';
import { buildSearchText } from './lifecycle/envelope-derived-fields';
import { ENVELOPE_STATUSES, type EnvelopeStatus } from './lifecycle/envelope-statuses';
import { listEnvelopes, loadEnvelopePage } from './list-envelopes';
import { countOpenActiveSinceSql } from './rollups/count-open-active-since';
import { NO_SEARCH } from './search/plan-search-lookups';

const provider = inject('databaseProvider');
const DAY = 24 * 60 * 60 * 1000;

type Shape = {
  status?: EnvelopeStatus;
  lastEventAt?: Date;
  sentAt?: Date | null;
  expiresAt?: Date | null;
  waitingOnEmail?: string | null;
  waitingOnName?: string | null;
  waitingSince?: Date | null;
  isTest?: boolean;
  name?: string | null;
};

/** One envelope per shape under a hook of the test's own, its columns then set as the shape says. */
async function seed(shapes: Shape[]) {
  const { hook, ids } = await seedEnvelopes(
    shapes.map(() => ({ query: { action: 'workstepOpened', recipientOrder: '1' } })),
  );
  for (const [index, shape] of shapes.entries()) {
    const id = ids[index]!;
    // Whom an envelope waits on is one of its recipients, whose e-mail and name the search text holds.
    const searchText = buildSearchText({
      envelopeId: id,
      emails: shape.waitingOnEmail ? [shape.waitingOnEmail] : [],
      names: shape.waitingOnName ? [shape.waitingOnName] : [],
      customValues: {},
    });
    await prisma.envelope.update({ where: { id }, data: { ...shape, searchText } });
  }
  const rows = await prisma.envelope.findMany({ where: { hookId: hook.id } });
  return { hook, ids, rows };
}

type Row = Awaited<ReturnType<typeof seed>>['rows'][number];

const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();

/** The order the list must have, worked out in plain code: unknown times last, ties by id. */
function expectedOrder(rows: Row[], order: EnvelopeOrder): string[] {
  const sign = order.dir === 'asc' ? 1 : -1;
  const time = (pick: (row: Row) => Date | null) => (a: Row, b: Row) => {
    const [x, y] = [pick(a), pick(b)];
    if (x === null || y === null) return Number(x === null) - Number(y === null) || sign * byId(a, b);
    return sign * byTime(x, y) || sign * byId(a, b);
  };
  const compare = {
    activity: (a: Row, b: Row) => sign * byTime(a.lastEventAt, b.lastEventAt) || sign * byId(a, b),
    sent: time((row) => row.sentAt),
    deadline: time((row) => row.expiresAt),
    status: (a: Row, b: Row) =>
      sign * (statusPosition(a.status) - statusPosition(b.status)) ||
      -byTime(a.lastEventAt, b.lastEventAt) ||
      -byId(a, b),
  }[order.sort];
  return [...rows].sort(compare).map((row) => row.id);
}

/** Every id of the view, page by page, checking no page repeats an envelope. */
async function allIds(filters: EnvelopeFilters, order: EnvelopeOrder, limit: number) {
  const ids: string[] = [];
  let after;
  for (let page = 0; page < 50; page++) {
    const result = await loadEnvelopePage({ filters, order, after, limit });
    ids.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) return ids;
    after = decodeListCursor(result.nextCursor)!;
  }
  throw new Error('more pages than expected');
}

describe(`envelope list orders on ${provider}`, () => {
  it('pages every order both ways across ties and unknown times without missing or repeating an envelope', async () => {
    const base = Date.parse('2025-05-01T10:00:00.000Z');
    const at = (hours: number) => new Date(base + hours * 3_600_000);
    const { hook, rows } = await seed([
      { status: 'sent', lastEventAt: at(1), sentAt: at(-5), expiresAt: at(50) },
      { status: 'completed', lastEventAt: at(1), sentAt: at(-5), expiresAt: null },
      { status: 'opened', lastEventAt: at(2), sentAt: null, expiresAt: at(50) },
      { status: 'rejected', lastEventAt: at(3), sentAt: at(-7), expiresAt: at(20) },
      { status: 'opened', lastEventAt: at(3), sentAt: null, expiresAt: null },
      { status: 'partially_signed', lastEventAt: at(4), sentAt: at(-5), expiresAt: at(50) },
      { status: 'opened', lastEventAt: at(1), sentAt: null, expiresAt: null },
      { status: 'expired', lastEventAt: at(5), sentAt: at(-1), expiresAt: at(-2) },
    ]);
    for (const sort of ENVELOPE_SORTS) {
      for (const dir of SORT_DIRECTIONS) {
        const order = { sort, dir };
        const expected = expectedOrder(rows, order);
        for (const limit of [1, 2, 3, 50]) {
          expect(await allIds({ hook: hook.id }, order, limit), `${sort} ${dir}, ${limit} a page`).toEqual(expected);
        }
      }
    }
    // The unknown times come last whichever the direction.
    const sentDesc = expectedOrder(rows, { sort: 'sent', dir: 'desc' });
    const sentAsc = expectedOrder(rows, { sort: 'sent', dir: 'asc' });
    const unknownSent = rows.filter((row) => row.sentAt === null).map((row) => row.id);
    expect(sentDesc.slice(-3).sort()).toEqual([...unknownSent].sort());
    expect(sentAsc.slice(-3).sort()).toEqual([...unknownSent].sort());
    // Status: the lifecycle's order, newest activity first within a status.
    const byStatus = expectedOrder(rows, { sort: 'status', dir: 'asc' });
    const statuses = byStatus.map((id) => rows.find((row) => row.id === id)!.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => statusPosition(a) - statusPosition(b)));
    expect(ENVELOPE_STATUSES.indexOf(statuses[0]!)).toBe(0);
  });

  it('pages searches and filters in every order', async () => {
    const base = Date.parse('2025-06-01T10:00:00.000Z');
    const { hook, rows } = await seed(
      Array.from({ length: 6 }, (_, index) => ({
        status: index % 2 ? ('opened' as const) : ('completed' as const),
        lastEventAt: new Date(base + (index % 3) * 1000),
        sentAt: index % 3 === 0 ? null : new Date(base - (index % 2) * 1000),
        expiresAt: index === 1 ? null : new Date(base + 1000),
      })),
    );
    const opened = rows.filter((row) => row.status === 'opened');
    for (const sort of ENVELOPE_SORTS) {
      for (const dir of SORT_DIRECTIONS) {
        const order = { sort, dir };
        expect(await allIds({ hook: hook.id, status: 'opened' }, order, 1)).toEqual(expectedOrder(opened, order));
        // Every id holds a "-"; the search path pages the same.
        expect(await allIds({ hook: hook.id, q: '-' }, order, 2)).toEqual(expectedOrder(rows, order));
      }
    }
  });

  it('answers the order in the API query, and refuses a cursor of another order', async () => {
    const { hook, rows } = await seed([
      { sentAt: new Date('2025-01-02T00:00:00Z') },
      { sentAt: null },
      { sentAt: new Date('2025-01-01T00:00:00Z') },
    ]);
    const query = (search: string) =>
      listEnvelopesQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(`hook=${hook.id}&${search}`)));
    const first = await listEnvelopes(query('sort=sent&dir=asc&limit=1').data!);
    expect(first.items.map((item) => item.id)).toEqual(expectedOrder(rows, { sort: 'sent', dir: 'asc' }).slice(0, 1));
    const cursor = first.nextCursor!;
    expect(query(`sort=sent&dir=asc&cursor=${cursor}`).success).toBe(true);
    const wrong = query(`sort=sent&dir=desc&cursor=${cursor}`);
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toMatch(/another sort order/);
    expect(query(`cursor=${cursor}`).success).toBe(false);
    expect(query('sort=name').success).toBe(false);
    expect(query('dir=up').success).toBe(false);
  });
});

describe(`envelope list filters on ${provider}`, () => {
  // PostgreSQL plans in a filled, vacuumed database of its own (see createPlannerDatabase): in the shared one, other
  // tests' rows can tip its choice of index. SQLite picks a covering index without statistics.
  let planner: Awaited<ReturnType<typeof createPlannerDatabase>> | undefined;
  beforeAll(async () => {
    if (provider === 'postgresql') planner = await createPlannerDatabase();
  });
  afterAll(() => planner?.drop());

  /** The plan of `sqlQuery` when the database may not read the whole table. */
  const planReadingIndexes = (sqlQuery: Prisma.Sql): Promise<string> => {
    if (!planner) return explainQueryPlan(prisma, provider, sqlQuery);
    return planner.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      await tx.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off');
      return explainQueryPlan(tx, provider, sqlQuery);
    });
  };

  it('counts the envelopes expiring within N days from the deadline index alone, reading no envelope', async () => {
    const sqlQuery = countByStatusSql({ provider, filters: { expiringWithin: 7 }, lookups: NO_SEARCH });
    const steps = await planReadingIndexes(sqlQuery);
    expect(steps).toMatch(
      provider === 'postgresql'
        ? /"Node Type":"Index Only Scan",[^}]*"Index Name":"Envelope_expiresAt_id_status_isTest_hookId_idx"/
        : /USING COVERING INDEX Envelope_expiresAt_id_status_isTest_hookId_idx/,
    );
  });

  it('keeps open envelopes expiring within N days from now', async () => {
    const now = Date.now();
    const { hook, ids } = await seed([
      { status: 'opened', expiresAt: new Date(now + 1 * DAY) },
      { status: 'partially_signed', expiresAt: new Date(now + 5 * DAY) },
      { status: 'completed', expiresAt: new Date(now + 1 * DAY) },
      { status: 'sent', expiresAt: null },
      { status: 'opened', expiresAt: new Date(now - DAY) },
      { status: 'sent', expiresAt: new Date(now + 2 * DAY) },
    ]);
    const order = { sort: 'deadline', dir: 'asc' } as const;
    expect(await allIds({ hook: hook.id, expiringWithin: 3 }, order, 1)).toEqual([ids[0], ids[5]]);
    expect(await allIds({ hook: hook.id, expiringWithin: 7 }, order, 2)).toEqual([ids[0], ids[5], ids[1]]);
    const counts = await countEnvelopesByStatus({ filters: { hook: hook.id, expiringWithin: 3 } });
    expect(counts).toEqual({ ...noEnvelopesPerStatus(), opened: 1, sent: 1 });
    // Unless the URL names an order, the soonest deadline comes first; a named one is kept.
    const view = (search: string) =>
      listEnvelopes(
        listEnvelopesQuerySchema.parse(Object.fromEntries(new URLSearchParams(`hook=${hook.id}&${search}`))),
      );
    expect((await view('expiringWithin=7')).items.map((item) => item.id)).toEqual([ids[0], ids[5], ids[1]]);
    await prisma.envelope.update({ where: { id: ids[1] }, data: { lastEventAt: new Date(now + 60_000) } });
    expect((await view('expiringWithin=7&sort=activity')).items[0]?.id).toBe(ids[1]);
    expect(listEnvelopesQuerySchema.parse({ expiringWithin: '7', dir: 'desc' })).toMatchObject({
      sort: 'deadline',
      dir: 'desc',
    });
    expect(listEnvelopesQuerySchema.parse({})).toMatchObject({ sort: 'activity', dir: 'desc' });
    const parsed = (value: string) => listEnvelopesQuerySchema.safeParse({ expiringWithin: value });
    expect(parsed('3').success).toBe(true);
    for (const bad of ['0', '-1', '1.5', 'soon', '1000']) expect(parsed(bad).success, bad).toBe(false);
  });

  it('counts the open envelopes quiet for more than N days from the status index alone, reading no envelope', async () => {
    const sqlQuery = countByStatusSql({ provider, filters: { quietFor: 3, tests: 'include' }, lookups: NO_SEARCH });
    const steps = await planReadingIndexes(sqlQuery);
    expect(steps).toMatch(
      provider === 'postgresql'
        ? /"Node Type":"Index Only Scan",[^}]*"Index Name":"Envelope_status_lastEventAt_id_isTest_idx"/
        : /USING COVERING INDEX Envelope_status_lastEventAt_id_isTest_idx/,
    );
  });

  it('counts the open envelopes active since a moment, tests left out, from the status index alone', async () => {
    const sqlQuery = countOpenActiveSinceSql({ since: new Date(Date.now() - 3 * DAY), includeTests: false });
    const steps = await planReadingIndexes(sqlQuery);
    expect(steps).toMatch(
      provider === 'postgresql'
        ? /"Node Type":"Index Only Scan",[^}]*"Index Name":"Envelope_status_lastEventAt_id_isTest_idx"/
        : /USING COVERING INDEX Envelope_status_lastEventAt_id_isTest_idx/,
    );
  });

  it('keeps open envelopes with no notification for more than N days, in any order, and counts them', async () => {
    const now = Date.now();
    const { hook, ids } = await seed([
      { status: 'sent', lastEventAt: new Date(now - 10 * DAY) },
      { status: 'opened', lastEventAt: new Date(now - 4 * DAY) },
      { status: 'partially_signed', lastEventAt: new Date(now - 2 * DAY) },
      { status: 'completed', lastEventAt: new Date(now - 20 * DAY) },
      { status: 'expired', lastEventAt: new Date(now - 5 * DAY) },
      { status: 'opened', lastEventAt: new Date(now - 60_000) },
      { status: 'opened', lastEventAt: new Date(now - 50 * DAY) },
      { status: 'sent', lastEventAt: new Date(now - 10 * DAY), isTest: true },
    ]);
    const quiet = (quietFor: number, order: EnvelopeOrder) => allIds({ hook: hook.id, quietFor }, order, 1);
    expect(await quiet(3, { sort: 'activity', dir: 'asc' })).toEqual([ids[6], ids[0], ids[1]]);
    expect(await quiet(3, { sort: 'activity', dir: 'desc' })).toEqual([ids[1], ids[0], ids[6]]);
    expect(await quiet(1, { sort: 'status', dir: 'asc' })).toEqual([ids[0], ids[1], ids[6], ids[2]]);
    // 0 days: every open envelope, the one active a minute ago too.
    expect(await quiet(0, { sort: 'activity', dir: 'asc' })).toEqual([ids[6], ids[0], ids[1], ids[2], ids[5]]);
    expect(await quiet(30, { sort: 'activity', dir: 'asc' })).toEqual([ids[6]]);
    // Up to 30 days the counts are the rollup's open envelopes less those active since; beyond, counted directly.
    const counts = (quietFor: number, tests?: 'include') =>
      countEnvelopesByStatus({ filters: { hook: hook.id, quietFor, tests } });
    expect(await counts(3)).toEqual({ ...noEnvelopesPerStatus(), sent: 1, opened: 2 });
    expect(await counts(3, 'include')).toEqual({ ...noEnvelopesPerStatus(), sent: 2, opened: 2 });
    expect(await counts(0)).toEqual({ ...noEnvelopesPerStatus(), sent: 1, opened: 3, partially_signed: 1 });
    expect(await counts(45)).toEqual({ ...noEnvelopesPerStatus(), opened: 1 });
    const parsed = (value: string) => listEnvelopesQuerySchema.safeParse({ quietFor: value });
    expect(parsed('0').success).toBe(true);
    for (const bad of ['-1', '1.5', 'long', '4000']) expect(parsed(bad).success, bad).toBe(false);
  });

  it('finds who an envelope waits on by part of the name or e-mail, in any case', async () => {
    const { hook, ids } = await seed([
      { waitingOnEmail: 'Ana.Popescu@Example.com', waitingOnName: 'Ana Popescu' },
      { waitingOnEmail: 'ion@example.org', waitingOnName: null },
      { waitingOnEmail: null, waitingOnName: 'Maria POPESCU' },
      { waitingOnEmail: null, waitingOnName: null },
      { waitingOnEmail: '50%_off@example.com', waitingOnName: null },
      // Ended: the columns may still name someone, but it waits on no one.
      { status: 'completed', waitingOnEmail: 'ana.popescu@example.com', waitingOnName: 'Ana Popescu' },
    ]);
    const waiting = (waitingOn: string) => allIds({ hook: hook.id, waitingOn }, { sort: 'activity', dir: 'asc' }, 2);
    expect(await waiting('popescu')).toEqual([ids[0], ids[2]]);
    expect(await waiting('ANA.popescu@example.COM')).toEqual([ids[0]]);
    expect(await waiting('ion@')).toEqual([ids[1]]);
    expect(await waiting('%_')).toEqual([ids[4]]);
    expect(await waiting('nobody')).toEqual([]);
    // Two characters are fewer than the search index can look up: the columns alone decide.
    expect(await waiting('on')).toEqual([ids[1]]);
    const counts = await countEnvelopesByStatus({ filters: { hook: hook.id, waitingOn: 'popescu' } });
    expect(counts).toEqual({ ...noEnvelopesPerStatus(), opened: 2 });
  });

  it('hides test envelopes unless asked for, in the list and its counts', async () => {
    const { hook, ids } = await seed([{ isTest: true }, {}, { isTest: true, status: 'completed' }]);
    const order = { sort: 'activity', dir: 'desc' } as const;
    expect(await allIds({ hook: hook.id }, order, 1)).toEqual([ids[1]]);
    expect(await allIds({ hook: hook.id, tests: 'include' }, order, 1)).toEqual([ids[2], ids[1], ids[0]]);
    expect(await countEnvelopesByStatus({ filters: { hook: hook.id } })).toEqual({
      ...noEnvelopesPerStatus(),
      opened: 1,
    });
    expect(await countEnvelopesByStatus({ filters: { hook: hook.id, tests: 'include' } })).toEqual({
      ...noEnvelopesPerStatus(),
      opened: 2,
      completed: 1,
    });
    expect(listEnvelopesQuerySchema.safeParse({ tests: 'only' }).success).toBe(false);
  });

  it('lists each envelope with its display name, who it waits on, its dates and whether it is a test', async () => {
    const since = new Date('2025-04-01T08:00:00.000Z');
    const { hook, ids } = await seed([
      { name: 'Loan agreement 42', sentAt: since, expiresAt: new Date('2025-05-01T00:00:00.000Z') },
      { waitingOnEmail: 'ana@example.com', waitingOnName: 'Ana', waitingSince: since, isTest: true },
      { status: 'completed', waitingOnEmail: 'stale@example.com' },
    ]);
    await prisma.envelope.update({ where: { id: ids[2] }, data: { customValues: { contract: 'K-77' } } });
    const page = await listEnvelopes(listEnvelopesQuerySchema.parse({ hook: hook.id, tests: 'include' }));
    const item = (id: string) => page.items.find((entry) => entry.id === id)!;
    expect(item(ids[0]!)).toMatchObject({
      name: 'Loan agreement 42',
      sentAt: since.toISOString(),
      expiresAt: '2025-05-01T00:00:00.000Z',
      isTest: false,
      waitingOn: null,
    });
    expect(item(ids[1]!)).toMatchObject({
      name: ids[1],
      isTest: true,
      sentAt: null,
      waitingOn: { name: 'Ana', email: 'ana@example.com', since: since.toISOString() },
    });
    // An ended envelope waits on no one, whatever a column says.
    expect(item(ids[2]!)).toMatchObject({ name: 'K-77', waitingOn: null });
  });
});
