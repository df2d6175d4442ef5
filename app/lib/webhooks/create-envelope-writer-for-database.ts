import type { DatabaseConfig } from '@/app/lib/db/database-config';
import type { EnvelopeWriter } from './envelope-writer';
import { createPostgresqlEnvelopeWriter } from './postgresql-envelope-writer';
import { createSqliteEnvelopeWriter } from './sqlite-envelope-writer';

/** The writer that stores batches on the calling thread, for the database `config` selects. */
export function createEnvelopeWriterForDatabase(config: DatabaseConfig): EnvelopeWriter {
  return config.provider === 'postgresql'
    ? createPostgresqlEnvelopeWriter(config.connectionString)
    : createSqliteEnvelopeWriter(config.filePath);
}
