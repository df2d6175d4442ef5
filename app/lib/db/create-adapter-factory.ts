import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { getEnvironment } from '../env';
import type { DatabaseConfig } from './database-config';

/** The driver adapter for a database; used by the Prisma client and by the migration engine. */
export function createAdapterFactory(config: DatabaseConfig) {
  if (config.provider === 'sqlite') {
    mkdirSync(path.dirname(config.filePath), { recursive: true });
    // timeout: wait for a busy writer instead of failing at once.
    return new PrismaBetterSqlite3({ url: config.filePath, timeout: 10_000 });
  }
  return new PrismaPg({ connectionString: config.connectionString, max: getEnvironment().DATABASE_POOL_SIZE });
}
