import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseConfig } from '@/app/lib/db/database-config';
import { sqliteTimestamp } from '@/app/lib/db/sql-values';
import { documentFilePath } from '@/app/lib/documents/document-store';
import { generateDeliveries, type GeneratedDelivery } from './generate-deliveries';
import { DocumentPicker, type GeneratedDocument } from './generate-documents';
import { BENCH_HOOK_IDS, generateBatch, type GeneratedBatch } from './generate-envelopes';

// Rows go in through the drivers directly, many per statement and many statements per transaction: Prisma's
// per-query overhead would make a fill of two million rows take minutes instead of seconds. The secondary indexes of
// the filled tables are dropped first and built again at the end, from their own definitions as the migrations made
// them: one sorted build is far faster than two million random insertions.

const ENVELOPES_PER_BATCH = 5_000;

type Value = string | number | boolean | Date | null | readonly string[] | Record<string, string>;
type Table = { name: string; columns: readonly (readonly [column: string, postgresqlType: string])[] };

const HOOK: Table = {
  name: 'Hook',
  columns: [
    ['id', 'text'],
    ['name', 'text'],
    ['allowedNetworks', 'jsonb'],
    ['origin', 'text'],
  ],
};
const ENVELOPE: Table = {
  name: 'Envelope',
  columns: [
    ['id', 'text'],
    ['hookId', 'text'],
    ['status', '"EnvelopeStatus"'],
    ['actionRequired', 'boolean'],
    ['customValues', 'jsonb'],
    ['searchText', 'text'],
    ['recipientCount', 'int'],
    ['signedCount', 'int'],
    ['firstSeenAt', 'timestamp(3)'],
    ['firstOpenedAt', 'timestamp(3)'],
    ['finishedAt', 'timestamp(3)'],
    ['lastEventAt', 'timestamp(3)'],
    ['lastAction', 'text'],
    ['name', 'text'],
    ['sentAt', 'timestamp(3)'],
    ['expiresAt', 'timestamp(3)'],
    ['waitingOnEmail', 'text'],
    ['waitingOnName', 'text'],
    ['waitingSince', 'timestamp(3)'],
    ['isTest', 'boolean'],
  ],
};
const RECIPIENT: Table = {
  name: 'Recipient',
  columns: [
    ['envelopeId', 'text'],
    ['key', 'text'],
    ['recipientOrder', 'int'],
    ['email', 'text'],
    ['invitedAt', 'timestamp(3)'],
    ['firstOpenedAt', 'timestamp(3)'],
    ['openCount', 'int'],
    ['finishedAt', 'timestamp(3)'],
    ['rejectedAt', 'timestamp(3)'],
  ],
};
const EVENT: Table = {
  name: 'Event',
  columns: [
    ['envelopeId', 'text'],
    ['action', 'text'],
    ['occurredAt', 'timestamp(3)'],
    ['recipientEmail', 'text'],
    ['recipientOrder', 'int'],
    ['isFinishCallback', 'boolean'],
    ['customValues', 'jsonb'],
    ['dedupeKey', 'text'],
    ['deliveryId', 'text'],
  ],
};
const DELIVERY: Table = {
  name: 'Delivery',
  columns: [
    ['id', 'text'],
    ['hookId', 'text'],
    ['receivedAt', 'timestamp(3)'],
    ['method', 'text'],
    ['query', 'text'],
    ['body', 'text'],
    ['contentType', 'text'],
    ['headers', 'jsonb'],
    ['sourceAddress', 'text'],
    ['outcome', '"DeliveryOutcome"'],
    ['reason', 'text'],
    ['errorCode', 'text'],
    ['envelopeId', 'text'],
    ['action', 'text'],
  ],
};
const DOCUMENT_FETCH: Table = {
  name: 'DocumentFetch',
  columns: [
    ['envelopeId', 'text'],
    ['status', '"DocumentStatus"'],
    ['attempts', 'int'],
    ['lastAttemptAt', 'timestamp(3)'],
    ['updatedAt', 'timestamp(3)'],
  ],
};
const DOCUMENT: Table = {
  name: 'Document',
  columns: [
    ['id', 'text'],
    ['envelopeId', 'text'],
    ['kind', '"DocumentKind"'],
    ['providerFileId', 'text'],
    ['fileName', 'text'],
    ['byteSize', 'int'],
    ['sha256', 'text'],
    ['pageCount', 'int'],
    ['storage', 'text'],
    ['fetchedAt', 'timestamp(3)'],
  ],
};

type BatchRows = GeneratedBatch & {
  deliveries: GeneratedDelivery[];
  /** Per event (same order): the delivery that stored it, null once past the log's retention. */
  deliveryIdOfEvent: (string | null)[];
  documents: GeneratedDocument[];
};

// Deliveries before events (an event names the delivery that stored it), documents after their envelopes.
function rowsOf(batch: BatchRows): [Table, Value[][]][] {
  return [
    [
      ENVELOPE,
      batch.envelopes.map((e) => [
        e.id,
        e.hookId,
        e.status,
        e.actionRequired,
        e.customValues,
        e.searchText,
        e.recipientCount,
        e.signedCount,
        e.firstSeenAt,
        e.firstOpenedAt,
        e.finishedAt,
        e.lastEventAt,
        e.lastAction,
        e.name,
        e.sentAt,
        e.expiresAt,
        e.waitingOnEmail,
        e.waitingOnName,
        e.waitingSince,
        e.isTest,
      ]),
    ],
    [
      RECIPIENT,
      batch.recipients.map((r) => [
        r.envelopeId,
        r.key,
        r.recipientOrder,
        r.email,
        r.invitedAt,
        r.firstOpenedAt,
        r.openCount,
        r.finishedAt,
        r.rejectedAt,
      ]),
    ],
    [
      DELIVERY,
      batch.deliveries.map((d) => [
        d.id,
        d.hookId,
        d.receivedAt,
        d.method,
        d.query,
        d.body,
        d.contentType,
        d.headers,
        d.sourceAddress,
        d.outcome,
        d.reason,
        d.errorCode,
        d.envelopeId,
        d.action,
      ]),
    ],
    [
      EVENT,
      batch.events.map((e, index) => [
        e.envelopeId,
        e.action,
        e.occurredAt,
        e.recipientEmail,
        e.recipientOrder,
        e.isFinishCallback,
        e.customValues,
        e.dedupeKey,
        batch.deliveryIdOfEvent[index] ?? null,
      ]),
    ],
    [DOCUMENT_FETCH, batch.documentFetches.map((d) => [d.envelopeId, d.status, 1, d.at, d.at])],
    [
      DOCUMENT,
      batch.documents.map((d) => [
        d.id,
        d.envelopeId,
        d.kind,
        d.providerFileId,
        d.fileName,
        d.byteSize,
        d.sha256,
        d.pageCount,
        'filesystem',
        d.fetchedAt,
      ]),
    ],
  ];
}

const FILLED_TABLES = [ENVELOPE, RECIPIENT, DELIVERY, EVENT, DOCUMENT_FETCH, DOCUMENT].map((table) => table.name);

// allowedNetworks as the app writes it: a list, empty for any network.
const hookRows = (): Value[][] => BENCH_HOOK_IDS.map((id, index) => [id, `Bench hook ${index + 1}`, [], 'cli']);

export type FillResult = {
  envelopes: number;
  recipients: number;
  events: number;
  deliveries: number;
  /** Files in the document store, and their bytes. */
  documents: number;
  documentBytes: number;
  seconds: number;
};

/**
 * Fills an empty, migrated database with `total` envelopes, their recipients, events, document jobs, the delivery log
 * of their recent events, and about `documentFiles` stored files (written to `documentsDir`, the filesystem store).
 */
export async function fillDatabase(options: {
  databaseUrl: string;
  total: number;
  now: Date;
  detailIndex: number;
  documentsDir: string;
  documentFiles: number;
  onProgress?: (done: number) => void;
}): Promise<FillResult> {
  const startedAt = Date.now();
  const config = parseDatabaseUrl(options.databaseUrl);
  const writer = config.provider === 'sqlite' ? openSqliteWriter(config) : await openPostgresqlWriter(config);
  const counts = { envelopes: 0, recipients: 0, events: 0, deliveries: 0, documents: 0, documentBytes: 0 };
  const documentPicker = new DocumentPicker({ total: options.total, files: options.documentFiles });
  try {
    await writer.dropIndexes();
    await writer.write([[HOOK, hookRows()]]);
    for (let from = 0; from < options.total; from += ENVELOPES_PER_BATCH) {
      const to = Math.min(options.total, from + ENVELOPES_PER_BATCH);
      const batch = generateBatch({
        from,
        to,
        total: options.total,
        now: options.now,
        detailIndex: options.detailIndex,
      });
      // A seed per batch (batches always start at the same envelopes), apart from the envelopes' own seeds.
      const log = generateDeliveries({
        batch,
        now: options.now,
        seed: (from + 1) * 104_729 + 17,
        everyOutcome: from === 0,
      });
      const documents = documentPicker.documentsOf(batch, from, options.now);
      storeDocumentFiles(options.documentsDir, documents);
      await writer.write(rowsOf({ ...batch, ...log, documents }));
      counts.envelopes += batch.envelopes.length;
      counts.recipients += batch.recipients.length;
      counts.events += batch.events.length;
      counts.deliveries += log.deliveries.length;
      counts.documents += documents.length;
      counts.documentBytes += documents.reduce((sum, document) => sum + document.byteSize, 0);
      options.onProgress?.(to);
    }
    await writer.finish();
  } finally {
    await writer.close();
  }
  return { ...counts, seconds: (Date.now() - startedAt) / 1000 };
}

/** Writes the files where the app's filesystem store keeps them (content-addressed), as its document fetch would. */
function storeDocumentFiles(documentsDir: string, documents: GeneratedDocument[]): void {
  for (const document of documents) {
    const file = documentFilePath(documentsDir, document.sha256);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, document.bytes);
  }
}

type Writer = {
  /** Remembers and drops the secondary indexes of the filled tables. */
  dropIndexes(): Promise<void>;
  write(tables: [Table, Value[][]][]): Promise<void>;
  /** Builds the indexes again and refreshes the planner's statistics, as a database grown over months has them. */
  finish(): Promise<void>;
  close(): Promise<void>;
};

const SQLITE_ROWS_PER_STATEMENT = 500;

function openSqliteWriter(config: Extract<DatabaseConfig, { provider: 'sqlite' }>): Writer {
  const database = new Sqlite(config.filePath);
  database.pragma('journal_mode = WAL');
  // A throw-away database: a crash during the fill means filling it again.
  database.pragma('synchronous = OFF');
  database.pragma('cache_size = -524288');
  let indexes: string[] = [];
  const statements = new Map<string, Sqlite.Statement>();
  const statementFor = (table: Table, rows: number) => {
    const key = `${table.name}:${rows}`;
    let statement = statements.get(key);
    if (!statement) {
      const placeholders = `(${table.columns.map(() => '?').join(', ')})`;
      statement = database.prepare(
        `INSERT INTO "${table.name}" (${table.columns.map(([column]) => `"${column}"`).join(', ')}) VALUES ${Array(rows)
          .fill(placeholders)
          .join(', ')}`,
      );
      statements.set(key, statement);
    }
    return statement;
  };
  const writeAll = database.transaction((tables: [Table, Value[][]][]) => {
    for (const [table, rows] of tables) {
      for (let start = 0; start < rows.length; start += SQLITE_ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + SQLITE_ROWS_PER_STATEMENT);
        statementFor(table, chunk.length).run(chunk.flat().map(toSqliteValue));
      }
    }
  });
  const tableList = FILLED_TABLES.map((name) => `'${name}'`).join(', ');
  return {
    dropIndexes: async () => {
      // Unique constraints too: generated rows are unique by construction. The search triggers stay.
      const rows = database
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tableList})`,
        )
        .all() as { name: string; sql: string }[];
      indexes = rows.map((row) => row.sql);
      for (const row of rows) database.exec(`DROP INDEX "${row.name}"`);
    },
    write: async (tables) => writeAll(tables),
    finish: async () => {
      for (const sql of indexes) database.exec(sql);
      database.exec('ANALYZE');
      database.pragma('wal_checkpoint(TRUNCATE)');
    },
    close: async () => {
      database.close();
    },
  };
}

/** The encoding Prisma's SQLite adapter uses, so the app reads these rows like its own. */
function toSqliteValue(value: Value): string | number | null {
  if (value === null) return null;
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** PostgreSQL's search index: a copy of each envelope's text under a trigram index (asynchronous_search_index). */
const SEARCH_ENTRY_TABLE = 'EnvelopeSearchEntry';
const SEARCH_CHANGE_TABLE = 'EnvelopeSearchChange';

async function openPostgresqlWriter(config: Extract<DatabaseConfig, { provider: 'postgresql' }>): Promise<Writer> {
  const client = new pg.Client({ connectionString: config.connectionString });
  await client.connect();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  let indexes: string[] = [];
  return {
    dropIndexes: async () => {
      // Primary keys stay (other tables' foreign keys need them); every other index goes, the search index included.
      const { rows } = await client.query<{ name: string; definition: string }>(
        `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
        [[...FILLED_TABLES, SEARCH_ENTRY_TABLE]],
      );
      indexes = rows.map((row) => row.definition);
      for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
    },
    // One statement per table and batch: each column travels as one array parameter, unnest() turns them into rows.
    write: async (tables) => {
      await client.query('BEGIN');
      try {
        for (const [table, rows] of tables) {
          if (rows.length === 0) continue;
          const columns = table.columns.map(([column]) => `"${column}"`).join(', ');
          const arrays = table.columns.map((_, index) => rows.map((row) => toPostgresqlValue(row[index]!)));
          const parameters = table.columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
          await client.query(`INSERT INTO "${table.name}" (${columns}) SELECT * FROM unnest(${parameters})`, arrays);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    finish: async () => {
      // The search index's copies of the texts in one statement, as a bulk import's backlog would be taken in (the
      // triggers' marks of every envelope written), before its index is built again.
      await client.query(`TRUNCATE "${SEARCH_CHANGE_TABLE}"`);
      await client.query(
        `INSERT INTO "${SEARCH_ENTRY_TABLE}" ("envelopeId", "searchText") SELECT "id", "searchText" FROM "Envelope"
         ON CONFLICT ("envelopeId") DO UPDATE SET "searchText" = excluded."searchText"`,
      );
      for (const definition of indexes) await client.query(definition);
      await client.query('VACUUM ANALYZE');
    },
    close: () => client.end(),
  };
}

function toPostgresqlValue(value: Value): string | number | boolean | null {
  if (value === null) return null;
  // Columns are timestamp without time zone holding UTC, as Prisma writes them.
  if (value instanceof Date) return value.toISOString().replace('Z', '');
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
