import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describeDatabase, type DatabaseConfig } from '../database-config';
import { getMigrationStatus } from './get-migration-status';
import { withSchemaEngine } from './load-schema-engine';
import { NO_FILTERS, readDatamodel, readMigrations } from './read-migrations';
import { getSchemaPaths } from './schema-paths';

export class MigrationRefusedError extends Error {
  override name = 'MigrationRefusedError';
}

/**
 * Applies pending migrations, as `prisma migrate deploy` does (same `_prisma_migrations` table).
 * Refuses, with what to do, when the database is ahead of the code, a migration failed earlier,
 * or an applied migration was edited since.
 */
export async function applyMigrations(options: {
  config: DatabaseConfig;
  migrationsDir?: string;
  onLog?: (message: string) => void;
}): Promise<{ applied: string[] }> {
  const { config } = options;
  const migrationsDir = options.migrationsDir ?? getSchemaPaths(config.provider).migrationsDir;
  const migrations = readMigrations(migrationsDir);
  const where = describeDatabase(config);
  if (config.provider === 'sqlite') enableWriteAheadLog(config.filePath);
  return withSchemaEngine(
    { config, datamodel: readDatamodel(config.provider), onLog: options.onLog },
    async (engine) => {
      const status = await getMigrationStatus({ engine, migrations });
      switch (status.state) {
        case 'failed':
          throw new MigrationRefusedError(
            `Migration ${status.failed.join(', ')} failed earlier on ${where} and the database may be half-changed. ` +
              "Repair the database by hand (see the migration's SQL), then mark it rolled back with " +
              `\`npx prisma migrate resolve --rolled-back ${status.failed[0]}\` or restore a backup, and start again.`,
          );
        case 'ahead':
          throw new MigrationRefusedError(
            `${where} has migrations this version of the app does not know (${status.unknown.join(', ')}): ` +
              'the database is ahead of the code. Deploy the newer version of the app, or point DATABASE_URL at the right database.',
          );
        case 'edited':
          throw new MigrationRefusedError(
            `Migrations ${status.edited.join(', ')} were changed after they were applied to ${where}. ` +
              'Restore the original migration files; write changes as a new migration with `npm run db:migration -- <name>`.',
          );
        case 'up-to-date':
          return { applied: [] };
        case 'pending':
          break;
      }
      try {
        const result = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
        return { applied: result.appliedMigrationNames };
      } catch (error) {
        throw new MigrationRefusedError(
          `A migration failed on ${where}: ${formatEngineError(error)}. ` +
            'Nothing after it was applied. Fix the cause, then see `npx prisma migrate resolve` to mark it rolled back.',
        );
      }
    },
  );
}

export function formatEngineError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n').filter(Boolean).slice(0, 6).join(' ');
  if (typeof error === 'object' && error && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** WAL lets readers go on while a webhook writes; the mode is stored in the file, so once is enough. */
function enableWriteAheadLog(filePath: string) {
  mkdirSync(path.dirname(filePath), { recursive: true });
  const database = new Sqlite(filePath);
  try {
    database.pragma('journal_mode = WAL');
  } finally {
    database.close();
  }
}
