import 'server-only';
import pg from 'pg';
import {
  toBatchState,
  type BatchState,
  type EnvelopeRow,
  type Job,
  type RecipientRow,
  type StoredEvent,
} from './apply-notifications';
import type { EnvelopeWriter, StoredBatch } from './envelope-writer';
import {
  DELIVERY_COLUMNS,
  ENVELOPE_COLUMNS,
  ENVELOPE_FIXED_COLUMNS,
  EVENT_COLUMNS,
  FEED_EVENT_COLUMNS,
  quotedNames,
  RECIPIENT_COLUMNS,
  STORED_EVENT_COLUMNS,
  TIMESTAMP,
  upsertAssignments,
  type Columns,
} from './ingest-columns';
import { batchReadKeys, MAX_BATCH_SIZE, planBatchWrites } from './plan-batch-writes';
import { FEED_LOCK_SQL } from '@/app/lib/feed/feed-lock';

// The PostgreSQL envelope writer, the twin of sqlite-envelope-writer.ts, on the driver itself rather than Prisma, whose
// interactive transaction costs a round trip and about 0.2 ms of CPU per statement. A batch is
// two round trips whatever its size: begin, lock and read are sent together (pipelined), then the
// writes and the commit. Rows travel as JSON both ways (json_agg to read, jsonb_to_recordset to
// write), so a statement's text never changes and it is prepared once per connection.

const CONNECT_TIMEOUT_MS = 10_000;
/**
 * Batches at a time, each on its own connection: while one waits for the database, the next is read, planned and
 * written (on the bench, two took PostgreSQL's ratio from about 52 % to 58 %, three to about 63 %). They never share an
 * envelope (ingest-notification.ts); the feed's lock orders their commits.
 */
const CONCURRENT_BATCHES = 3;
const STATEMENT_TIMEOUT_MS = 15_000;
/**
 * Every statement of the writer finds its rows by key. Its prepared statements keep the plan made when they were
 * first run, often on a young database: planned for a Recipient table of a few hundred rows, the read of a batch's
 * state scanned the whole table once it held thousands (5-15 ms instead of 0.2 ms, in a third of the bench's runs).
 */
export const WRITER_CONNECTION_OPTIONS = '-c enable_seqscan=off';
/**
 * A connection idle this long is closed (pg's default: 10 s). A new one costs the first batch after a quiet spell its
 * sign-in and the preparing of every statement again: on the bench, 100-200 ms for the first notifications after 15 s
 * without any.
 */
const IDLE_CONNECTION_MS = 5 * 60_000;
// Another instance stored the same event first, a write conflict, a deadlock: what PostgreSQL reports for them.
const RETRYABLE_SQLSTATES = ['23505', '40001', '40P01'];

const definitions = (columns: Columns) =>
  Object.entries(columns)
    .map(([column, type]) => `"${column}" ${type}`)
    .join(', ');
const asJsonRows = (columns: Columns, select: string) => `(SELECT coalesce(json_agg(t), '[]') FROM (
    SELECT ${quotedNames(columns)} ${select}) AS t)`;

// Sorted, so two batches never wait on each other in a cycle; the same key as reconciliation's lock.
const LOCK_ENVELOPES = {
  name: 'ingest_lock_envelopes',
  text: `SELECT count(*)::int AS "locked" FROM (
    SELECT pg_advisory_xact_lock(hashtextextended(id, 0)) FROM unnest($1::text[]) AS ids(id) ORDER BY id) AS locks`,
};

// Candidates for "already stored": once-only milestones by key, repeatable ones by time window.
export const READ_STATE = {
  name: 'ingest_read_state',
  text: `SELECT
    ${asJsonRows(ENVELOPE_COLUMNS, `FROM "Envelope" WHERE "id" = ANY($1::text[])`)} AS "envelopes",
    ${asJsonRows(RECIPIENT_COLUMNS, `FROM "Recipient" WHERE "envelopeId" = ANY($1::text[])`)} AS "recipients",
    ${asJsonRows(
      STORED_EVENT_COLUMNS,
      `FROM "Event" WHERE "envelopeId" = ANY($1::text[])
        AND ("dedupeKey" = ANY($2::text[]) OR "occurredAt" BETWEEN $3::${TIMESTAMP} AND $4::${TIMESTAMP})`,
    )} AS "events",
    ${asJsonRows(
      { hookId: 'text', webhookId: 'text' },
      `FROM "Delivery" WHERE ("hookId", "webhookId") IN (SELECT * FROM unnest($5::text[], $6::text[]))`,
    )} AS "webhookIds"`,
};

// Every row a batch changes, in one statement. Its parts see the same snapshot and touch different
// rows (stored events get their duplicates counted, new ones are inserted); the foreign keys are
// checked at the end of the statement, when all rows are in.
const WRITE_CHANGES = {
  name: 'ingest_write_changes',
  text: `WITH "deliveries" AS (
      INSERT INTO "Delivery" (${quotedNames(DELIVERY_COLUMNS)})
      SELECT ${quotedNames(DELIVERY_COLUMNS)} FROM jsonb_to_recordset($1::jsonb) AS t(${definitions(DELIVERY_COLUMNS)})
    ), "envelopes" AS (
      INSERT INTO "Envelope" (${quotedNames(ENVELOPE_COLUMNS)})
      SELECT ${quotedNames(ENVELOPE_COLUMNS)} FROM jsonb_to_recordset($2::jsonb) AS t(${definitions(ENVELOPE_COLUMNS)})
      ON CONFLICT ("id") DO UPDATE SET ${upsertAssignments(ENVELOPE_COLUMNS, ENVELOPE_FIXED_COLUMNS)}
    ), "recipients" AS (
      INSERT INTO "Recipient" (${quotedNames(RECIPIENT_COLUMNS)})
      SELECT ${quotedNames(RECIPIENT_COLUMNS)} FROM jsonb_to_recordset($3::jsonb) AS t(${definitions(RECIPIENT_COLUMNS)})
      ON CONFLICT ("envelopeId", "key") DO UPDATE SET ${upsertAssignments(RECIPIENT_COLUMNS, ['envelopeId', 'key'])}
    ), "events" AS (
      INSERT INTO "Event" (${quotedNames(EVENT_COLUMNS)})
      SELECT ${quotedNames(EVENT_COLUMNS)} FROM jsonb_to_recordset($4::jsonb) AS t(${definitions(EVENT_COLUMNS)})
    ), "duplicates" AS (
      UPDATE "Event" SET "duplicateCount" = "Event"."duplicateCount" + t."count", "lastDuplicateAt" = t."lastAt"
      FROM jsonb_to_recordset($5::jsonb) AS t("id" integer, "count" integer, "lastAt" ${TIMESTAMP})
      WHERE "Event"."id" = t."id"
    )
    SELECT 1 AS "written"`,
};

// Before the other writes, so the recipient upsert finds the row under its new key.
const RENAME_RECIPIENTS = {
  name: 'ingest_rename_recipients',
  text: `UPDATE "Recipient" SET "key" = t."key"
    FROM jsonb_to_recordset($1::jsonb) AS t("envelopeId" text, "storedKey" text, "key" text)
    WHERE "Recipient"."envelopeId" = t."envelopeId" AND "Recipient"."key" = t."storedKey"`,
};

// The change feed's events, last: after the feed's lock (feed-lock.ts), held to the commit, so positions follow commits.
const INSERT_FEED_EVENTS = {
  name: 'ingest_insert_feed_events',
  text: `INSERT INTO "FeedEvent" (${quotedNames(FEED_EVENT_COLUMNS)})
    SELECT ${quotedNames(FEED_EVENT_COLUMNS)} FROM jsonb_to_recordset($1::jsonb) AS t(${definitions(FEED_EVENT_COLUMNS)})`,
};

/** Stores batches in the PostgreSQL database at `connectionString`, on a connection of its own. */
export function createPostgresqlEnvelopeWriter(connectionString: string): EnvelopeWriter {
  let pool: pg.Pool | undefined;
  return {
    storeBatch: (jobs) => storeBatch((pool ??= openPool(connectionString)), jobs),
    isRetryable: (error) => error instanceof pg.DatabaseError && RETRYABLE_SQLSTATES.includes(error.code ?? ''),
    concurrentBatches: CONCURRENT_BATCHES,
    maxBatchSize: MAX_BATCH_SIZE,
  };
}

/**
 * Stores a batch of accepted notifications in one transaction: lock the envelopes, read their state, apply the
 * notifications in memory in arrival order, write every changed row back. Resolves after the commit.
 */
async function storeBatch(pool: pg.Pool, jobs: Job[]): Promise<StoredBatch> {
  const client = await pool.connect();
  // A broken connection also fails the queries in flight, which report it; unheard, the client's
  // 'error' event would end the process.
  const ignore = () => undefined;
  client.on('error', ignore);
  let broken = false;
  try {
    const keys = batchReadKeys(jobs);
    // In order on the wire: the lock is taken before the read's snapshot. A failed statement aborts
    // the transaction, so every later one fails too.
    const [, , state] = await Promise.all(
      sentTogether(client, () => [
        client.query('BEGIN'),
        client.query({ ...LOCK_ENVELOPES, values: [keys.envelopeIds] }),
        readState(client, keys),
      ]),
    );
    const writes = planBatchWrites(state, jobs);
    // After a failed write, COMMIT only ends the aborted transaction; Promise.all still rejects.
    await Promise.all(
      sentTogether(client, () => [
        writes.renamedRecipients.length > 0
          ? client.query({ ...RENAME_RECIPIENTS, values: [asJson(writes.renamedRecipients)] })
          : null,
        client.query({
          ...WRITE_CHANGES,
          values: [writes.deliveries, writes.envelopes, writes.recipients, writes.events, writes.duplicates].map(
            asJson,
          ),
        }),
        // Only batches that change something wait for the feed's lock.
        writes.feedEvents.length > 0 ? client.query(FEED_LOCK_SQL) : null,
        writes.feedEvents.length > 0
          ? client.query({ ...INSERT_FEED_EVENTS, values: [asJson(writes.feedEvents)] })
          : null,
        client.query('COMMIT'),
      ]),
    );
    return { results: writes.results, transitions: writes.transitions };
  } catch (error) {
    // A connection that cannot even roll back is closed rather than used again.
    broken = await client.query('ROLLBACK').then(
      () => false,
      () => true,
    );
    throw error;
  } finally {
    client.removeListener('error', ignore);
    client.release(broken);
  }
}

/**
 * Runs `send`, whose queries the pipelined client writes at once, with the connection's socket corked: they leave in
 * one write instead of one per statement (the driver corks each statement's messages on its own). On the ingest bench
 * a batch's six to eight writes were about a twelfth of the server's thread; system calls are dear on small VMs.
 */
function sentTogether<T>(client: pg.PoolClient, send: () => T): T {
  const socket = client.connection.stream;
  socket.cork();
  try {
    return send();
  } finally {
    socket.uncork();
  }
}

async function readState(client: pg.PoolClient, keys: ReturnType<typeof batchReadKeys>): Promise<BatchState> {
  const result = await client.query<{
    envelopes: unknown[];
    recipients: unknown[];
    events: unknown[];
    webhookIds: { hookId: string; webhookId: string }[];
  }>({
    ...READ_STATE,
    values: [
      keys.envelopeIds,
      keys.onceKeys,
      keys.from.toISOString(),
      keys.to.toISOString(),
      keys.signed.map(({ hookId }) => hookId),
      keys.signed.map(({ webhookId }) => webhookId),
    ],
  });
  const { envelopes, recipients, events, webhookIds } = result.rows[0]!;
  return toBatchState({
    envelopes: envelopes.map((row) => withDates<EnvelopeRow>(row, ENVELOPE_COLUMNS)),
    recipients: recipients.map((row) => withDates<Omit<RecipientRow, 'storedKey'>>(row, RECIPIENT_COLUMNS)),
    storedEvents: events.map((row) => withDates<StoredEvent>(row, STORED_EVENT_COLUMNS)),
    webhookIds,
  });
}

/** A row as json_agg wrote it, its timestamps (UTC, no zone) turned back into Dates. */
function withDates<Row>(json: unknown, columns: Columns): Row {
  const row = json as Record<string, unknown>;
  for (const [column, type] of Object.entries(columns)) {
    const value = row[column];
    if (type === TIMESTAMP && typeof value === 'string') row[column] = new Date(`${value}Z`);
  }
  return row as Row;
}

/**
 * The batches' own connections, apart from Prisma's pool: pipelining needs a client in pipeline
 * mode, and webhooks never wait behind dashboard queries for a free connection. One per batch in
 * flight; replaced by the pool when one breaks.
 */
function openPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: CONCURRENT_BATCHES,
    pipeline: true,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A batch stuck behind a lock or a slow disk ends in an error (503: the sender retries)
    // instead of stalling every webhook queued behind it.
    statement_timeout: STATEMENT_TIMEOUT_MS,
    options: WRITER_CONNECTION_OPTIONS,
    // Never what keeps a finished script (or test run) from exiting.
    allowExitOnIdle: true,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
  });
  pool.on('error', (error) => console.error('The webhook ingest database connection failed:', error.message));
  return pool;
}

/**
 * JSON for jsonb: a lone UTF-16 surrogate (possible in a JSON body's strings) becomes U+FFFD, as
 * text parameters store it, instead of failing the batch.
 */
function asJson(rows: unknown[]): string {
  const json = JSON.stringify(rows);
  if (!json.includes('\\u')) return json;
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'string' ? value.toWellFormed() : value));
}
