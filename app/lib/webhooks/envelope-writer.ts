import 'server-only';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import type { EnvelopeTransition } from '@/app/lib/envelopes/lifecycle/envelope-transitions';
import type { Job, JobResult } from './apply-notifications';
import { createPostgresqlEnvelopeWriter } from './postgresql-envelope-writer';
import { createSqliteEnvelopeWriter } from './sqlite-envelope-writer';

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
};

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
    writer =
      config.provider === 'postgresql'
        ? createPostgresqlEnvelopeWriter(config.connectionString)
        : createSqliteEnvelopeWriter(config.filePath);
    writers.set(key, writer);
  }
  last = { databaseUrl: process.env.DATABASE_URL, writer };
  return writer;
}
