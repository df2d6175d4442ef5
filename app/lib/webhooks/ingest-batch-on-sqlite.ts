import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Sqlite from 'better-sqlite3';
import { isSqliteBusy } from '@/app/lib/db/is-sqlite-busy';
import {
  applyNotifications,
  dedupeBaseOf,
  toBatchState,
  type BatchState,
  type EnvelopeRow,
  type Job,
  type JobResult,
  type RecipientRow,
  type StoredEvent,
} from './apply-notifications';
import { deliveryRow } from './delivery-row';
import { REPEAT_WINDOW_MS } from './envelope-actions';
import {
  BOOLEAN,
  DELIVERY_COLUMNS,
  ENVELOPE_COLUMNS,
  ENVELOPE_FIXED_COLUMNS,
  EVENT_COLUMNS,
  JSON_COLUMN,
  quotedNames,
  RECIPIENT_COLUMNS,
  STORED_EVENT_COLUMNS,
  TIMESTAMP,
  upsertAssignments,
  type Columns,
} from './ingest-columns';

// The SQLite twin of ingest-batch-on-postgresql.ts, on better-sqlite3 itself rather than through Prisma, whose
// interactive transaction costs an engine round trip per statement. A batch is one synchronous IMMEDIATE transaction
// on a connection of its own: it holds SQLite's write lock from its first read, so nothing can change what it read,
// and it never yields to the event loop halfway. Statements are prepared once per connection.

/** How long a batch waits for another writer (a dashboard action, `npm run simulate`) before the request fails. */
const BUSY_DEADLINE_MS = 10_000;
const MAX_BUSY_PAUSE_MS = 50;

type Connection = { database: Sqlite.Database; store: (jobs: Job[]) => JobResult[] };
const connections = new Map<string, Connection>();

/**
 * Stores a batch of accepted notifications in one transaction: read the envelopes' state, apply the notifications in
 * memory in arrival order, write every changed row back. Resolves after the commit.
 */
export async function ingestBatchOnSqlite(options: { filePath: string; jobs: Job[] }): Promise<JobResult[]> {
  const connection = getConnection(options.filePath);
  const started = Date.now();
  for (let pause = 1; ; pause = Math.min(pause * 2, MAX_BUSY_PAUSE_MS)) {
    try {
      return connection.store(options.jobs);
    } catch (error) {
      // The connection never waits inside SQLite (that would block the whole process, including the transaction it
      // waits for): a busy database is tried again after a pause that lets the other writer finish.
      if (!isSqliteBusy(error) || Date.now() - started > BUSY_DEADLINE_MS) throw error;
      await sleep(pause);
    }
  }
}

function getConnection(filePath: string): Connection {
  const cached = connections.get(filePath);
  if (cached) return cached;
  mkdirSync(path.dirname(filePath), { recursive: true });
  const database = new Sqlite(filePath, { timeout: 0 });
  // As the app's own connection has them (app/lib/db/prisma.ts): WAL is stored in the file by the migrations.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  const statements = prepareStatements(database);
  const transaction = database.transaction((jobs: Job[]) => storeBatch(statements, jobs));
  const connection = { database, store: (jobs: Job[]) => transaction.immediate(jobs) };
  connections.set(filePath, connection);
  return connection;
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
    countDuplicates: database.prepare(
      `UPDATE "Event" SET "duplicateCount" = "duplicateCount" + @count, "lastDuplicateAt" = @lastAt WHERE "id" = @id`,
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function storeBatch(statements: Statements, jobs: Job[]): JobResult[] {
  const state = readState(statements, jobs);
  const changes = applyNotifications(state, jobs);
  changes.results.forEach((result, index) =>
    statements.insertDelivery.run(toSqlite(deliveryRow(jobs[index]!, result), DELIVERY_COLUMNS)),
  );
  const recipients = [...changes.changedRecipients].map((key) => state.recipients.get(key)!);
  for (const recipient of recipients) {
    if (recipient.storedKey && recipient.storedKey !== recipient.key) {
      statements.renameRecipient.run({
        envelopeId: recipient.envelopeId,
        key: recipient.key,
        storedKey: recipient.storedKey,
      });
    }
  }
  for (const id of changes.changedEnvelopes) {
    statements.upsertEnvelope.run(toSqlite(state.envelopes.get(id)!, ENVELOPE_COLUMNS));
  }
  for (const recipient of recipients) statements.upsertRecipient.run(toSqlite(recipient, RECIPIENT_COLUMNS));
  for (const event of changes.newEvents) statements.insertEvent.run(toSqlite(event, EVENT_COLUMNS));
  for (const [id, { count, lastAt }] of changes.storedDuplicates) {
    statements.countDuplicates.run({ id, count, lastAt: sqliteTimestamp(lastAt) });
  }
  return changes.results;
}

function readState(statements: Statements, jobs: Job[]): BatchState {
  const ids = JSON.stringify([...new Set(jobs.map((job) => job.notification.envelopeId))]);
  const times = jobs.map((job) => job.delivery.receivedAt.getTime());
  const signed = jobs.filter((job) => job.webhookId);
  const envelopes = statements.readEnvelopes.all({ ids }) as Record<string, unknown>[];
  const recipients = statements.readRecipients.all({ ids }) as Record<string, unknown>[];
  const events = statements.readEvents.all({
    ids,
    keys: JSON.stringify([...new Set(jobs.map((job) => dedupeBaseOf(job.notification)))]),
    from: sqliteTimestamp(new Date(Math.min(...times) - REPEAT_WINDOW_MS)),
    to: sqliteTimestamp(new Date(Math.max(...times) + REPEAT_WINDOW_MS)),
  }) as Record<string, unknown>[];
  // Only signed deliveries carry a message id; the other batches skip the read.
  const webhookIds =
    signed.length === 0
      ? []
      : (statements.readWebhookIds.all({
          pairs: JSON.stringify(signed.map((job) => [job.delivery.hookId, job.webhookId])),
        }) as { hookId: string; webhookId: string }[]);
  return toBatchState({
    envelopes: envelopes.map((row) => fromSqlite<EnvelopeRow>(row, ENVELOPE_COLUMNS)),
    recipients: recipients.map((row) => fromSqlite<Omit<RecipientRow, 'storedKey'>>(row, RECIPIENT_COLUMNS)),
    storedEvents: events.map((row) => fromSqlite<StoredEvent>(row, STORED_EVENT_COLUMNS)),
    webhookIds,
  });
}

/** A timestamp as Prisma's SQLite adapter writes it, so that rows of both compare and sort alike. */
function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
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
