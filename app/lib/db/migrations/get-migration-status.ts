import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { NO_FILTERS } from './read-migrations';
import type { MigrationList } from '@prisma/schema-engine-wasm';

export type MigrationStatus =
  | { state: 'up-to-date' }
  | { state: 'pending'; pending: string[] }
  | { state: 'failed'; failed: string[] }
  | { state: 'ahead'; unknown: string[] }
  | { state: 'edited'; edited: string[] };

/** Compares the database's `_prisma_migrations` table with the migration history on disk. */
export async function getMigrationStatus(options: {
  engine: SchemaEngine;
  migrations: MigrationList;
}): Promise<MigrationStatus> {
  let diagnosis;
  try {
    diagnosis = await options.engine.diagnoseMigrationHistory({
      migrationsList: options.migrations,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
  } catch (error) {
    // On SQLite the engine fails instead of reporting "no table" for a database never migrated.
    if (String((error as Error)?.message ?? error).includes('`_prisma_migrations` does not exist')) {
      return { state: 'pending', pending: options.migrations.migrationDirectories.map((entry) => entry.path) };
    }
    throw error;
  }
  if (diagnosis.failedMigrationNames.length > 0) return { state: 'failed', failed: diagnosis.failedMigrationNames };
  const history = diagnosis.history;
  if (history?.diagnostic === 'migrationsDirectoryIsBehind') {
    return { state: 'ahead', unknown: history.unpersistedMigrationNames };
  }
  if (history?.diagnostic === 'historiesDiverge') {
    return { state: 'ahead', unknown: history.unpersistedMigrationNames };
  }
  if (diagnosis.editedMigrationNames.length > 0) return { state: 'edited', edited: diagnosis.editedMigrationNames };
  if (history?.diagnostic === 'databaseIsBehind') return { state: 'pending', pending: history.unappliedMigrationNames };
  return { state: 'up-to-date' };
}
