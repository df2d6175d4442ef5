import { PrismaClient as SqliteClient } from '@/app/generated/prisma/sqlite/client';
import { PrismaClient as PostgresqlClient } from '@/app/generated/prisma/postgresql/client';
import { createAdapterFactory } from './create-adapter-factory';
import type { DatabaseConfig } from './database-config';

/**
 * Both generated clients share the same models and so the same API; the SQLite client's
 * type stands for both so domain code is written once.
 */
export type Database = SqliteClient;
export type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

export function createPrismaClient(config: DatabaseConfig): Database {
  const adapter = createAdapterFactory(config);
  if (config.provider === 'sqlite') return new SqliteClient({ adapter });
  return new PostgresqlClient({ adapter }) as unknown as Database;
}
