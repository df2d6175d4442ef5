import 'server-only';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import type { EnvelopeTransition } from '@/app/lib/envelopes/lifecycle/envelope-transitions';
import type { Job, JobResult } from './apply-notifications';
import { createEnvelopeWriterForDatabase } from './create-envelope-writer-for-database';
import { createEnvelopeWriterThread } from './envelope-writer-thread';

export type StoredBatch = {
  /** One per job, in order. */
  results: JobResult[];
  /** What the batch changed in the envelopes' lives, committed with it. */
  transitions: EnvelopeTransition[];
};

/**
 * The one writer of notifications into envelopes, with an implementation per database. Each stores a batch in one
 * transaction: read the envelopes' state, apply the notifications in memory (apply-notifications.ts, the lifecycle),
 * write every changed row back with the columns of ingest-columns.ts.
 */
export type EnvelopeWriter = {
  /** Resolves after the commit. */
  storeBatch(jobs: Job[]): Promise<StoredBatch>;
  /** A failure that another attempt may cure: another instance stored the same event first, a write conflict. */
  isRetryable(error: unknown): boolean;
  /** Batches it stores at once (never two with the same envelope). */
  concurrentBatches: number;
  /** Notifications it takes in one batch. */
  maxBatchSize: number;
};

/**
 * The server's SQLite writer (a thread of its own, see envelope-writer-thread.ts): better-sqlite3 is synchronous, so
 * a batch on the server's thread held up every request for its whole transaction. Small batches, several queued:
 * while the thread stores one, the server's thread parses the next requests and answers the last ones (one batch of
 * every waiting request left the server's thread idle until its commit). On the ingest bench this took SQLite from
 * about 60 % of the do-nothing route to about 72 %. PostgreSQL's driver is asynchronous and its batches already
 * overlap (three at a time); on a thread they measured no better.
 */
const SQLITE_WRITER_THREAD = { concurrentBatches: 4, maxBatchSize: 12 };

const writers = new Map<string, EnvelopeWriter>();
/** The last answer, for the DATABASE_URL it was for: asked for every notification, it skips parsing the URL again. */
let last: { databaseUrl: string | undefined; writer: EnvelopeWriter } | null = null;

/** The writer for the configured database, one per process (each holds its own connection). */
export function getEnvelopeWriter(): EnvelopeWriter {
  if (last && last.databaseUrl === process.env.DATABASE_URL) return last.writer;
  const config = getDatabaseConfig();
  const key = config.provider === 'postgresql' ? config.connectionString : config.filePath;
  let writer = writers.get(key);
  if (!writer) {
    // Tests and scripts store on their own thread: they run the TypeScript source, which a thread cannot load alone.
    writer =
      config.provider === 'sqlite' && process.env.NEXT_RUNTIME === 'nodejs'
        ? createEnvelopeWriterThread(config, SQLITE_WRITER_THREAD)
        : createEnvelopeWriterForDatabase(config);
    writers.set(key, writer);
  }
  last = { databaseUrl: process.env.DATABASE_URL, writer };
  return writer;
}
