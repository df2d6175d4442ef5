import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Sqlite from 'better-sqlite3';
import { isSqliteBusy } from '@/app/lib/db/is-sqlite-busy';
import { sqliteTimestamp } from '@/app/lib/db/sql-values';
import { SQLITE_WAL_AUTOCHECKPOINT_PAGES } from '@/app/lib/db/sqlite-pragmas';
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
  BOOLEAN,
  DELIVERY_COLUMNS,
  ENVELOPE_COLUMNS,
  ENVELOPE_FIXED_COLUMNS,
  EVENT_COLUMNS,
  FEED_EVENT_COLUMNS,
  JSON_COLUMN,
  quotedNames,
  RECIPIENT_COLUMNS,
  STORED_EVENT_COLUMNS,
  TIMESTAMP,
  upsertAssignments,
  type Columns,
} from './ingest-columns';
import { batchReadKeys, MAX_BATCH_SIZE, planBatchWrites } from './plan-batch-writes';

// The SQLite envelope writer, the twin of postgresql-envelope-writer.ts, on better-sqlite3 itself rather than through Prisma, whose
// interactive transaction costs an engine round trip per statement. A batch is one synchronous IMMEDIATE transaction
// on a connection of its own: it holds SQLite's write lock from its first read, so nothing can change what it read,
// and it never yields to the event loop halfway. Statements are prepared once per connection.

/** How long a batch waits for another writer (a dashboard action, `npm run simulate`) before the request fails. */
const BUSY_DEADLINE_MS = 10_000;
const MAX_BUSY_PAUSE_MS = 50;

type Connection = { database: Sqlite.Database; store: (jobs: Job[]) => StoredBatch };

/** Distinct sets of changed envelope columns whose UPDATE stays prepared; a handful occur in practice. */
const MAX_PREPARED_UPDATES = 256;

/** Stores batches in the SQLite file at `filePath`, on a connection of its own opened on first use. */
export function createSqliteEnvelopeWriter(filePath: string): EnvelopeWriter {
  let connection: Connection | undefined;
  return {
    storeBatch: async (jobs) => storeWaitingOutBusy((connection ??= openConnection(filePath)), jobs),
    // The writer waits out a busy database itself; a unique index conflict is all that is left to retry.
    isRetryable: (error) => error instanceof Sqlite.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT_UNIQUE'),
    // A batch runs synchronously from start to commit: a second one could only wait.
    concurrentBatches: 1,
    maxBatchSize: MAX_BATCH_SIZE,
  };
}

async function storeWaitingOutBusy(connection: Connection, jobs: Job[]): Promise<StoredBatch> {
  const started = Date.now();
  for (let pause = 1; ; pause = Math.min(pause * 2, MAX_BUSY_PAUSE_MS)) {
    try {
      return connection.store(jobs);
    } catch (error) {
      // The connection never waits inside SQLite (that would block the whole process, including the transaction it
      // waits for): a busy database is tried again after a pause that lets the other writer finish.
      if (!isSqliteBusy(error) || Date.now() - started > BUSY_DEADLINE_MS) throw error;
      await sleep(pause);
    }
  }
}

function openConnection(filePath: string): Connection {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const database = new Sqlite(filePath, { timeout: 0 });
  // As the app's own connection has them (app/lib/db/prisma.ts): WAL is stored in the file by the migrations.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`wal_autocheckpoint = ${SQLITE_WAL_AUTOCHECKPOINT_PAGES}`);
  const statements = { ...prepareStatements(database), updateEnvelope: preparedEnvelopeUpdates(database) };
  const transaction = database.transaction((jobs: Job[]) => storeBatch(statements, jobs));
  return { database, store: (jobs: Job[]) => transaction.immediate(jobs) };
}

function prepareStatements(database: Sqlite.Database) {
  const insert = (table: string, columns: Columns, conflict = '') =>
    database.prepare(
      `INSERT INTO "${table}" (${quotedNames(columns)}) VALUES (${Object.keys(columns)
        .map((column) => `@${column}`)
        .join(', ')}) ${conflict}`,
    );
  const ids = 'SELECT value FROM json_each(@ids)';
  return {
    readEnvelopes: database.prepare(`SELECT ${quotedNames(ENVELOPE_COLUMNS)} FROM "Envelope" WHERE "id" IN (${ids})`),
    readRecipients: database.prepare(
      `SELECT ${quotedNames(RECIPIENT_COLUMNS)} FROM "Recipient" WHERE "envelopeId" IN (${ids})`,
    ),
    // Candidates for "already stored": once-only milestones by key, repeatable ones by time window. Timestamps are
    // ISO text in one format, so they compare as text.
    readEvents: database.prepare(
      `SELECT ${quotedNames(STORED_EVENT_COLUMNS)} FROM "Event" WHERE "envelopeId" IN (${ids})
        AND ("dedupeKey" IN (SELECT value FROM json_each(@keys)) OR "occurredAt" BETWEEN @from AND @to)`,
    ),
    readWebhookIds: database.prepare(
      `SELECT "hookId", "webhookId" FROM "Delivery" WHERE ("hookId", "webhookId") IN
        (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@pairs))`,
    ),
    // Before the upsert, so that it finds the recipient under its new key.
    renameRecipient: database.prepare(
      `UPDATE "Recipient" SET "key" = @key WHERE "envelopeId" = @envelopeId AND "key" = @storedKey`,
    ),
    insertDelivery: insert('Delivery', DELIVERY_COLUMNS),
    upsertEnvelope: insert(
      'Envelope',
      ENVELOPE_COLUMNS,
      `ON CONFLICT ("id") DO UPDATE SET ${upsertAssignments(ENVELOPE_COLUMNS, ENVELOPE_FIXED_COLUMNS)}`,
    ),
    upsertRecipient: insert(
      'Recipient',
      RECIPIENT_COLUMNS,
      `ON CONFLICT ("envelopeId", "key") DO UPDATE SET ${upsertAssignments(RECIPIENT_COLUMNS, ['envelopeId', 'key'])}`,
    ),
    insertEvent: insert('Event', EVENT_COLUMNS),
    insertFeedEvent: insert('FeedEvent', FEED_EVENT_COLUMNS),
    countDuplicates: database.prepare(
      `UPDATE "Event" SET "duplicateCount" = "duplicateCount" + @count, "lastDuplicateAt" = @lastAt WHERE "id" = @id`,
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements> & { updateEnvelope: ReturnType<typeof preparedEnvelopeUpdates> };

/**
 * An UPDATE of just these columns, prepared once per set. SQLite rewrites the entry of every index that holds a column
 * the statement sets, changed or not: a notification changes a few columns, and an upsert of all of them would
 * rewrite all nine indexes of the envelope.
 */
function preparedEnvelopeUpdates(database: Sqlite.Database) {
  const prepared = new Map<string, Sqlite.Statement>();
  return (changed: readonly string[]) => {
    const key = changed.join(',');
    let statement = prepared.get(key);
    if (!statement) {
      if (prepared.size >= MAX_PREPARED_UPDATES) prepared.clear();
      statement = database.prepare(
        `UPDATE "Envelope" SET ${changed.map((column) => `"${column}" = @${column}`).join(', ')} WHERE "id" = @id`,
      );
      prepared.set(key, statement);
    }
    return statement;
  };
}

const UPDATABLE_ENVELOPE_COLUMNS = Object.keys(ENVELOPE_COLUMNS).filter(
  (column) => !(ENVELOPE_FIXED_COLUMNS as string[]).includes(column),
);

function storeBatch(statements: Statements, jobs: Job[]): StoredBatch {
  const state = readState(statements, jobs);
  const writes = planBatchWrites(state.batch, jobs);
  for (const delivery of writes.deliveries) statements.insertDelivery.run(toSqlite(delivery, DELIVERY_COLUMNS));
  for (const renamed of writes.renamedRecipients) statements.renameRecipient.run(renamed);
  for (const envelope of writes.envelopes) {
    const values = toSqlite(envelope, ENVELOPE_COLUMNS);
    const stored = state.storedEnvelopes.get(values.id as string);
    if (!stored) {
      statements.upsertEnvelope.run(values);
      continue;
    }
    const changed = UPDATABLE_ENVELOPE_COLUMNS.filter((column) => values[column] !== stored[column]);
    if (changed.length === 0) continue;
    const assigned: Record<string, unknown> = { id: values.id };
    for (const column of changed) assigned[column] = values[column];
    statements.updateEnvelope(changed).run(assigned);
  }
  for (const recipient of writes.recipients) statements.upsertRecipient.run(toSqlite(recipient, RECIPIENT_COLUMNS));
  for (const event of writes.events) statements.insertEvent.run(toSqlite(event, EVENT_COLUMNS));
  for (const { id, count, lastAt } of writes.duplicates) {
    statements.countDuplicates.run({ id, count, lastAt: sqliteTimestamp(lastAt) });
  }
  for (const feedEvent of writes.feedEvents) statements.insertFeedEvent.run(toSqlite(feedEvent, FEED_EVENT_COLUMNS));
  return { results: writes.results, transitions: writes.transitions };
}

/** What the batch's envelopes hold now: the lifecycle's view, and the stored values the writes are compared with. */
function readState(
  statements: Statements,
  jobs: Job[],
): { batch: BatchState; storedEnvelopes: Map<string, Record<string, unknown>> } {
  const keys = batchReadKeys(jobs);
  const ids = JSON.stringify(keys.envelopeIds);
  const envelopes = statements.readEnvelopes.all({ ids }) as Record<string, unknown>[];
  const recipients = statements.readRecipients.all({ ids }) as Record<string, unknown>[];
  const events = statements.readEvents.all({
    ids,
    keys: JSON.stringify(keys.onceKeys),
    from: sqliteTimestamp(keys.from),
    to: sqliteTimestamp(keys.to),
  }) as Record<string, unknown>[];
  // The batches without a signed delivery skip the read.
  const webhookIds =
    keys.signed.length === 0
      ? []
      : (statements.readWebhookIds.all({
          pairs: JSON.stringify(keys.signed.map(({ hookId, webhookId }) => [hookId, webhookId])),
        }) as { hookId: string; webhookId: string }[]);
  const batch = toBatchState({
    envelopes: envelopes.map((row) => fromSqlite<EnvelopeRow>(row, ENVELOPE_COLUMNS)),
    recipients: recipients.map((row) => fromSqlite<Omit<RecipientRow, 'storedKey'>>(row, RECIPIENT_COLUMNS)),
    storedEvents: events.map((row) => fromSqlite<StoredEvent>(row, STORED_EVENT_COLUMNS)),
    webhookIds,
  });
  return { batch, storedEnvelopes: new Map(envelopes.map((row) => [row.id as string, row])) };
}

/** A row's values as SQLite stores them: timestamps as ISO text, booleans as 0/1, JSON as text. */
function toSqlite(row: object, columns: Columns): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [column, type] of Object.entries(columns)) {
    const value = (row as Record<string, unknown>)[column] ?? null;
    if (value === null) values[column] = null;
    else if (type === TIMESTAMP) values[column] = sqliteTimestamp(value as Date);
    else if (type === BOOLEAN) values[column] = value ? 1 : 0;
    else if (type === JSON_COLUMN) values[column] = JSON.stringify(value);
    else values[column] = value;
  }
  return values;
}

function fromSqlite<Row>(stored: Record<string, unknown>, columns: Columns): Row {
  const row: Record<string, unknown> = {};
  for (const [column, type] of Object.entries(columns)) {
    const value = stored[column];
    if (value === null || value === undefined) row[column] = null;
    else if (type === TIMESTAMP) row[column] = new Date(value as string);
    else if (type === BOOLEAN) row[column] = Boolean(value);
    else if (type === JSON_COLUMN) row[column] = JSON.parse(value as string);
    else row[column] = value;
  }
  return row as Row;
}
