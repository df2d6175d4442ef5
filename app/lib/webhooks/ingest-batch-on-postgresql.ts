import 'server-only';
import pg from 'pg';
import {
  applyNotifications,
  dedupeBaseOf,
  recipientMapKey,
  type BatchState,
  type EnvelopeRow,
  type Job,
  type JobResult,
  type NewEvent,
  type RecipientRow,
  type StoredEvent,
} from './apply-notifications';
import { REPEAT_WINDOW_MS } from './envelope-actions';

// The PostgreSQL twin of ingest-batch.ts, on the driver itself rather than Prisma, whose
// interactive transaction costs a round trip and about 0.2 ms of CPU per statement. A batch is
// two round trips whatever its size: begin, lock and read are sent together (pipelined), then the
// writes and the commit. Rows travel as JSON both ways (json_agg to read, jsonb_to_recordset to
// write), so a statement's text never changes and it is prepared once per connection.

const CONNECT_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 15_000;
const connections = new Map<string, pg.Pool>();

const TIMESTAMP = 'timestamp(3)';

// Each column's type in the database; it must list every field of the row type, so a new field
// cannot be forgotten here.
const ENVELOPE_COLUMNS = {
  id: 'text',
  hookId: 'text',
  status: '"EnvelopeStatus"',
  actionRequired: 'boolean',
  customValues: 'jsonb',
  searchText: 'text',
  recipientCount: 'integer',
  signedCount: 'integer',
  firstSeenAt: TIMESTAMP,
  firstOpenedAt: TIMESTAMP,
  finishedAt: TIMESTAMP,
  lastEventAt: TIMESTAMP,
  lastAction: 'text',
  finishCallbackAt: TIMESTAMP,
  reconciliation: '"ReconciliationState"',
  nextReconcileAt: TIMESTAMP,
} satisfies Record<keyof EnvelopeRow, string>;

const RECIPIENT_COLUMNS = {
  envelopeId: 'text',
  key: 'text',
  recipientOrder: 'integer',
  email: 'text',
  invitedAt: TIMESTAMP,
  firstOpenedAt: TIMESTAMP,
  openCount: 'integer',
  finishedAt: TIMESTAMP,
  rejectedAt: TIMESTAMP,
  delegatedAt: TIMESTAMP,
} satisfies Record<Exclude<keyof RecipientRow, 'storedKey'>, string>;

const STORED_EVENT_COLUMNS = {
  id: 'integer',
  envelopeId: 'text',
  dedupeKey: 'text',
  occurredAt: TIMESTAMP,
} satisfies Record<keyof StoredEvent, string>;

const EVENT_COLUMNS = {
  envelopeId: 'text',
  deliveryId: 'text',
  action: 'text',
  occurredAt: TIMESTAMP,
  recipientEmail: 'text',
  recipientOrder: 'integer',
  isFinishCallback: 'boolean',
  customValues: 'jsonb',
  dedupeKey: 'text',
  duplicateCount: 'integer',
  lastDuplicateAt: TIMESTAMP,
} satisfies Record<keyof NewEvent, string>;

type DeliveryInsert = {
  id: string;
  hookId: string;
  receivedAt: Date;
  method: string;
  query: string;
  body: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  sourceAddress: string | null;
  outcome: 'accepted' | 'duplicate';
  envelopeId: string;
  action: string;
  replayOfId: string | null;
};

const DELIVERY_COLUMNS = {
  id: 'text',
  hookId: 'text',
  receivedAt: TIMESTAMP,
  method: 'text',
  query: 'text',
  body: 'text',
  contentType: 'text',
  headers: 'jsonb',
  sourceAddress: 'text',
  outcome: '"DeliveryOutcome"',
  envelopeId: 'text',
  action: 'text',
  replayOfId: 'text',
} satisfies Record<keyof DeliveryInsert, string>;

type Columns = Record<string, string>;

const names = (columns: Columns) =>
  Object.keys(columns)
    .map((column) => `"${column}"`)
    .join(', ');
const definitions = (columns: Columns) =>
  Object.entries(columns)
    .map(([column, type]) => `"${column}" ${type}`)
    .join(', ');
const updates = (columns: Columns, unchanged: string[]) =>
  Object.keys(columns)
    .filter((column) => !unchanged.includes(column))
    .map((column) => `"${column}" = excluded."${column}"`)
    .join(', ');
const asJsonRows = (columns: Columns, select: string) => `(SELECT coalesce(json_agg(t), '[]') FROM (
    SELECT ${names(columns)} ${select}) AS t)`;

// Sorted, so two batches never wait on each other in a cycle; the same key as reconciliation's lock.
const LOCK_ENVELOPES = {
  name: 'ingest_lock_envelopes',
  text: `SELECT count(*)::int AS "locked" FROM (
    SELECT pg_advisory_xact_lock(hashtextextended(id, 0)) FROM unnest($1::text[]) AS ids(id) ORDER BY id) AS locks`,
};

// Candidates for "already stored": once-only milestones by key, repeatable ones by time window.
const READ_STATE = {
  name: 'ingest_read_state',
  text: `SELECT
    ${asJsonRows(ENVELOPE_COLUMNS, `FROM "Envelope" WHERE "id" = ANY($1::text[])`)} AS "envelopes",
    ${asJsonRows(RECIPIENT_COLUMNS, `FROM "Recipient" WHERE "envelopeId" = ANY($1::text[])`)} AS "recipients",
    ${asJsonRows(
      STORED_EVENT_COLUMNS,
      `FROM "Event" WHERE "envelopeId" = ANY($1::text[])
        AND ("dedupeKey" = ANY($2::text[]) OR "occurredAt" BETWEEN $3::${TIMESTAMP} AND $4::${TIMESTAMP})`,
    )} AS "events"`,
};

// Every row a batch changes, in one statement. Its parts see the same snapshot and touch different
// rows (stored events get their duplicates counted, new ones are inserted); the foreign keys are
// checked at the end of the statement, when all rows are in.
const WRITE_CHANGES = {
  name: 'ingest_write_changes',
  text: `WITH "deliveries" AS (
      INSERT INTO "Delivery" (${names(DELIVERY_COLUMNS)})
      SELECT ${names(DELIVERY_COLUMNS)} FROM jsonb_to_recordset($1::jsonb) AS t(${definitions(DELIVERY_COLUMNS)})
    ), "envelopes" AS (
      INSERT INTO "Envelope" (${names(ENVELOPE_COLUMNS)})
      SELECT ${names(ENVELOPE_COLUMNS)} FROM jsonb_to_recordset($2::jsonb) AS t(${definitions(ENVELOPE_COLUMNS)})
      ON CONFLICT ("id") DO UPDATE SET ${updates(ENVELOPE_COLUMNS, ['id', 'hookId', 'firstSeenAt'])}
    ), "recipients" AS (
      INSERT INTO "Recipient" (${names(RECIPIENT_COLUMNS)})
      SELECT ${names(RECIPIENT_COLUMNS)} FROM jsonb_to_recordset($3::jsonb) AS t(${definitions(RECIPIENT_COLUMNS)})
      ON CONFLICT ("envelopeId", "key") DO UPDATE SET ${updates(RECIPIENT_COLUMNS, ['envelopeId', 'key'])}
    ), "events" AS (
      INSERT INTO "Event" (${names(EVENT_COLUMNS)})
      SELECT ${names(EVENT_COLUMNS)} FROM jsonb_to_recordset($4::jsonb) AS t(${definitions(EVENT_COLUMNS)})
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

/**
 * Stores a batch of accepted notifications in one transaction: lock the envelopes, read their
 * state, apply the notifications in memory in arrival order, write every changed row back.
 * Resolves after the commit.
 */
export async function ingestBatchOnPostgresql(options: {
  connectionString: string;
  jobs: Job[];
}): Promise<JobResult[]> {
  const { jobs } = options;
  const client = await getConnections(options.connectionString).connect();
  // A broken connection also fails the queries in flight, which report it; unheard, the client's
  // 'error' event would end the process.
  const ignore = () => undefined;
  client.on('error', ignore);
  let broken = false;
  try {
    const envelopeIds = [...new Set(jobs.map((job) => job.notification.envelopeId))].sort();
    // In order on the wire: the lock is taken before the read's snapshot. A failed statement aborts
    // the transaction, so every later one fails too.
    const [, , state] = await Promise.all([
      client.query('BEGIN'),
      client.query({ ...LOCK_ENVELOPES, values: [envelopeIds] }),
      readState(client, jobs, envelopeIds),
    ]);
    const changes = applyNotifications(state, jobs);
    const recipients = [...changes.changedRecipients].map((key) => state.recipients.get(key)!);
    const renamed = recipients.filter((row) => row.storedKey && row.storedKey !== row.key);
    const envelopes = [...changes.changedEnvelopes].map((id) => state.envelopes.get(id)!);
    const duplicates = [...changes.storedDuplicates].map(([id, { count, lastAt }]) => ({ id, count, lastAt }));
    const deliveries = jobs.map(({ delivery, notification, deliveryId }, index) =>
      deliveryRow(delivery, notification, deliveryId, changes.results[index]!.duplicate),
    );
    // After a failed write, COMMIT only ends the aborted transaction; Promise.all still rejects.
    await Promise.all([
      renamed.length > 0 ? client.query({ ...RENAME_RECIPIENTS, values: [asJson(renamed)] }) : null,
      client.query({
        ...WRITE_CHANGES,
        values: [deliveries, envelopes, recipients, changes.newEvents, duplicates].map(asJson),
      }),
      client.query('COMMIT'),
    ]);
    return changes.results;
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

function deliveryRow(
  delivery: Job['delivery'],
  notification: Job['notification'],
  deliveryId: string,
  duplicate: boolean,
): DeliveryInsert {
  return {
    id: deliveryId,
    hookId: delivery.hookId,
    receivedAt: delivery.receivedAt,
    method: delivery.method,
    query: delivery.query,
    body: delivery.body,
    contentType: delivery.contentType,
    headers: delivery.headers,
    sourceAddress: delivery.sourceAddress,
    outcome: duplicate ? 'duplicate' : 'accepted',
    envelopeId: notification.envelopeId,
    action: notification.action,
    replayOfId: delivery.replayOfId ?? null,
  };
}

async function readState(client: pg.PoolClient, jobs: Job[], envelopeIds: string[]): Promise<BatchState> {
  const times = jobs.map((job) => job.delivery.receivedAt.getTime());
  const from = new Date(Math.min(...times) - REPEAT_WINDOW_MS).toISOString();
  const to = new Date(Math.max(...times) + REPEAT_WINDOW_MS).toISOString();
  const onceKeys = [...new Set(jobs.map((job) => dedupeBaseOf(job.notification)))];
  const result = await client.query<{ envelopes: unknown[]; recipients: unknown[]; events: unknown[] }>({
    ...READ_STATE,
    values: [envelopeIds, onceKeys, from, to],
  });
  const { envelopes, recipients, events } = result.rows[0]!;
  return {
    envelopes: new Map(
      envelopes.map((row) => {
        const envelope = withDates<EnvelopeRow>(row, ENVELOPE_COLUMNS);
        return [envelope.id, envelope] as const;
      }),
    ),
    recipients: new Map(
      recipients.map((row) => {
        const recipient = withDates<Omit<RecipientRow, 'storedKey'>>(row, RECIPIENT_COLUMNS);
        return [recipientMapKey(recipient.envelopeId, recipient.key), { ...recipient, storedKey: recipient.key }];
      }),
    ),
    storedEvents: events.map((row) => withDates<StoredEvent>(row, STORED_EVENT_COLUMNS)),
  };
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
 * The batches' own connection, apart from Prisma's pool: pipelining needs a client in pipeline
 * mode, and webhooks never wait behind dashboard queries for a free connection. One, as the
 * batches run one at a time; replaced by the pool when it breaks.
 */
function getConnections(connectionString: string): pg.Pool {
  const cached = connections.get(connectionString);
  if (cached) return cached;
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    pipeline: true,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A batch stuck behind a lock or a slow disk ends in an error (503: the sender retries)
    // instead of stalling every webhook queued behind it.
    statement_timeout: STATEMENT_TIMEOUT_MS,
    // Never what keeps a finished script (or test run) from exiting.
    allowExitOnIdle: true,
  });
  pool.on('error', (error) => console.error('The webhook ingest database connection failed:', error.message));
  connections.set(connectionString, pool);
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
