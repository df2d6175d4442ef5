import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database, Transaction } from '@/app/lib/db/create-prisma-client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { columnList, insertJsonRows, jsonValueList, type JsonRowColumns } from '@/app/lib/db/json-rows';
import { sqlEnum } from '@/app/lib/db/sql-values';
import { durationRangeOf } from './duration-ranges';
import {
  envelopeFigures,
  signatureWaitFigures,
  type EnvelopeFigures,
  type EnvelopeForRollups,
  type RecipientForRollups,
  type SignatureWaitFigures,
} from './envelope-figures';
import { FUNNEL_STAGE_BITS, FUNNEL_STAGES } from './funnel-stages';
import { dayOf, quarterOf } from './time-slots';

const { sql, join } = Prisma;

/**
 * Envelopes folded per transaction: short enough not to hold SQLite's writer for long, and their ids fit in one
 * IN (…) list (Prisma binds at most 999 values per SQLite statement).
 */
export const FOLD_CHUNK = 500;
/** "roll" in ASCII: two instances never fold the same changes at once (PostgreSQL). */
const FOLD_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1717920100, 2) IS NULL AS "locked"';

const ROLLUP_COLUMNS = {
  envelopeId: 'text',
  hookId: 'text',
  isTest: 'boolean',
  status: '"EnvelopeStatus"',
  firstSeenAt: 'timestamp(3)',
  funnelStages: 'integer',
  completedAt: 'timestamp(3)',
  completionSeconds: 'integer',
} satisfies Record<keyof EnvelopeFigures, JsonRowColumns[string]>;

const SIGNATURE_WAIT_COLUMNS = {
  recipientId: 'integer',
  envelopeId: 'text',
  email: 'text',
  name: 'text',
  finishedAt: 'timestamp(3)',
  finishedDay: 'integer',
  seconds: 'integer',
} satisfies Record<keyof SignatureWaitFigures, JsonRowColumns[string]>;

const QUARTER_COLUMNS = ['completed', ...FUNNEL_STAGES] as const;
type QuarterColumn = (typeof QUARTER_COLUMNS)[number];

type Deltas = {
  statuses: Map<string, { hookId: string; isTest: boolean; status: string; count: number }>;
  quarters: Map<number, Record<QuarterColumn, number>>;
  durations: Map<string, { day: number; range: number; count: number }>;
};

/**
 * Brings the rollups up to date with up to `limit` changed envelopes (the oldest changes first). Each is worked out
 * again from its current rows and its figures as last folded, so folding twice, or folding an envelope a later
 * transaction changed again, never counts it twice. Returns how many envelopes it folded and whether changes remain.
 */
export async function foldRollupChanges(
  options: { limit?: number; db?: Database; provider?: DatabaseProvider } = {},
): Promise<{ folded: number; pending: boolean }> {
  const db = options.db ?? prisma;
  const provider = options.provider ?? getDatabaseProvider();
  const limit = options.limit ?? FOLD_CHUNK;
  let folded = 0;
  while (folded < limit) {
    const chunk = Math.min(FOLD_CHUNK, limit - folded);
    const taken = await db.$transaction((tx) => foldChunk(tx, provider, chunk), { timeout: 60_000, maxWait: 60_000 });
    folded += taken;
    if (taken < chunk) return { folded, pending: false };
  }
  const next = await db.rollupChange.findFirst({ select: { seq: true } });
  return { folded, pending: next !== null };
}

async function foldChunk(tx: Transaction, provider: DatabaseProvider, chunk: number): Promise<number> {
  if (provider === 'postgresql') await tx.$queryRawUnsafe(FOLD_LOCK_SQL);
  // Taking the rows and reading them is one statement: a change committed meanwhile stays for the next fold.
  const taken = await tx.$queryRaw<{ envelopeId: string }[]>`
    DELETE FROM "RollupChange" WHERE "seq" ${oldestChanges(provider, chunk)} RETURNING "envelopeId"`;
  if (taken.length === 0) return 0;
  const ids = [...new Set(taken.map((row) => row.envelopeId))];

  // Raw statements with the ids as one JSON value: the query builder would compile every id as a parameter.
  const idList = jsonValueList(provider, ids);
  const [envelopes, recipients, before] = await Promise.all([
    tx.$queryRaw<EnvelopeForRollups[]>`
      SELECT "id", "hookId", "isTest", "status", "firstSeenAt", "firstOpenedAt", "finishedAt", "signedCount"
      FROM "Envelope" WHERE "id" IN ${idList}`,
    tx.$queryRaw<RecipientForRollups[]>`
      SELECT "id", "envelopeId", "email", "name", "invitedAt", "firstOpenedAt", "finishedAt"
      FROM "Recipient" WHERE "envelopeId" IN ${idList} AND "finishedAt" IS NOT NULL`,
    tx.$queryRaw<EnvelopeFigures[]>`
      SELECT ${columnList(ROLLUP_COLUMNS)} FROM "EnvelopeRollup" WHERE "envelopeId" IN ${idList}`,
  ]);

  const after = envelopes.map(envelopeFigures);
  const testEnvelopes = new Set(envelopes.filter((envelope) => envelope.isTest).map((envelope) => envelope.id));
  const waits = recipients
    .filter((recipient) => !testEnvelopes.has(recipient.envelopeId))
    .map(signatureWaitFigures)
    .filter((wait): wait is SignatureWaitFigures => wait !== null);

  const deltas: Deltas = { statuses: new Map(), quarters: new Map(), durations: new Map() };
  for (const figures of before) addFigures(deltas, figures, -1);
  for (const figures of after) addFigures(deltas, figures, 1);

  if (before.length > 0) await tx.$executeRaw`DELETE FROM "EnvelopeRollup" WHERE "envelopeId" IN ${idList}`;
  if (after.length > 0) await tx.$executeRaw(insertJsonRows(provider, 'EnvelopeRollup', after, ROLLUP_COLUMNS));
  await tx.$executeRaw`DELETE FROM "SignatureWait" WHERE "envelopeId" IN ${idList}`;
  if (waits.length > 0) await tx.$executeRaw(insertJsonRows(provider, 'SignatureWait', waits, SIGNATURE_WAIT_COLUMNS));
  await writeDeltas(tx, provider, deltas);
  return taken.length;
}

function addFigures(deltas: Deltas, figures: EnvelopeFigures, sign: 1 | -1) {
  const statusKey = `${figures.hookId}\u0000${figures.isTest}\u0000${figures.status}`;
  const status = deltas.statuses.get(statusKey) ?? {
    hookId: figures.hookId,
    isTest: figures.isTest,
    status: figures.status,
    count: 0,
  };
  status.count += sign;
  deltas.statuses.set(statusKey, status);
  if (figures.isTest) return;

  const quarterOfFirstSeen = quarterRow(deltas, quarterOf(figures.firstSeenAt));
  for (const stage of FUNNEL_STAGES) {
    if (figures.funnelStages & FUNNEL_STAGE_BITS[stage]) quarterOfFirstSeen[stage] += sign;
  }
  if (figures.completedAt) {
    quarterRow(deltas, quarterOf(figures.completedAt)).completed += sign;
    if (figures.completionSeconds !== null) {
      const day = dayOf(figures.completedAt);
      const range = durationRangeOf(figures.completionSeconds);
      const key = `${day}:${range}`;
      const row = deltas.durations.get(key) ?? { day, range, count: 0 };
      row.count += sign;
      deltas.durations.set(key, row);
    }
  }
}

function quarterRow(deltas: Deltas, quarter: number): Record<QuarterColumn, number> {
  let row = deltas.quarters.get(quarter);
  if (!row) {
    row = Object.fromEntries(QUARTER_COLUMNS.map((column) => [column, 0])) as Record<QuarterColumn, number>;
    deltas.quarters.set(quarter, row);
  }
  return row;
}

async function writeDeltas(tx: Transaction, provider: DatabaseProvider, deltas: Deltas) {
  const statuses = [...deltas.statuses.values()].filter((row) => row.count !== 0);
  if (statuses.length > 0) {
    const values = statuses.map(
      (row) => sql`(${row.hookId}, ${row.isTest}, ${sqlEnum(provider, 'EnvelopeStatus', row.status)}, ${row.count})`,
    );
    await tx.$executeRaw`
      INSERT INTO "StatusCount" ("hookId", "isTest", "status", "count") VALUES ${join(values)}
      ON CONFLICT ("hookId", "isTest", "status") DO UPDATE SET "count" = "StatusCount"."count" + excluded."count"`;
    await tx.$executeRaw`DELETE FROM "StatusCount" WHERE "count" = 0`;
  }

  const quarters = [...deltas.quarters.entries()].filter(([, row]) => QUARTER_COLUMNS.some((c) => row[c] !== 0));
  if (quarters.length > 0) {
    const columns = join(QUARTER_COLUMNS.map((column) => Prisma.raw(`"${column}"`)));
    const updates = join(
      QUARTER_COLUMNS.map((column) => Prisma.raw(`"${column}" = "InsightQuarter"."${column}" + excluded."${column}"`)),
    );
    const values = quarters.map(([quarter, row]) => sql`(${quarter}, ${join(QUARTER_COLUMNS.map((c) => row[c]))})`);
    await tx.$executeRaw`
      INSERT INTO "InsightQuarter" ("quarter", ${columns}) VALUES ${join(values)}
      ON CONFLICT ("quarter") DO UPDATE SET ${updates}`;
  }

  const durations = [...deltas.durations.values()].filter((row) => row.count !== 0);
  if (durations.length > 0) {
    const values = durations.map((row) => sql`(${row.day}, ${row.range}, ${row.count})`);
    await tx.$executeRaw`
      INSERT INTO "CompletionDurationDay" ("day", "range", "count") VALUES ${join(values)}
      ON CONFLICT ("day", "range") DO UPDATE SET "count" = "CompletionDurationDay"."count" + excluded."count"`;
  }
}

/**
 * The condition on "seq" that selects the `chunk` oldest changes. On PostgreSQL an array of their keys: with statistics
 * the planner turns `IN (subquery)` into a hash join over the whole table, a sequential scan per chunk that took the
 * fold ten times longer at 60,000 changes waiting (and a core of the database during an ingest flood).
 */
function oldestChanges(provider: DatabaseProvider, chunk: number): Prisma.Sql {
  const oldest = Prisma.sql`SELECT "seq" FROM "RollupChange" ORDER BY "seq" LIMIT ${chunk}`;
  return provider === 'postgresql' ? Prisma.sql`= ANY(ARRAY(${oldest}))` : Prisma.sql`IN (${oldest})`;
}
