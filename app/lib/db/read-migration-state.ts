import { readdirSync } from 'node:fs';
import type { Database } from './create-prisma-client';
import type { DatabaseProvider } from './database-config';
import { getSchemaPaths } from './migrations/schema-paths';

export type MigrationState = 'up-to-date' | 'pending' | 'failed' | 'ahead';

const knownMigrations = new Map<DatabaseProvider, string[]>();

function listMigrationNames(provider: DatabaseProvider): string[] {
  let names = knownMigrations.get(provider);
  if (!names) {
    names = readdirSync(getSchemaPaths(provider).migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    knownMigrations.set(provider, names);
  }
  return names;
}

/**
 * A cheap reading of `_prisma_migrations` against the migrations shipped with the code, for the
 * health check (start-up uses the schema engine's full diagnosis).
 */
export async function readMigrationState(options: {
  db: Database;
  provider: DatabaseProvider;
}): Promise<MigrationState> {
  const rows = await options.db.$queryRawUnsafe<{ name: string; finished: unknown; rolledBack: unknown }[]>(
    'SELECT migration_name AS "name", finished_at AS "finished", rolled_back_at AS "rolledBack" FROM _prisma_migrations',
  );
  const live = rows.filter((row) => row.rolledBack === null);
  if (live.some((row) => row.finished === null)) return 'failed';
  const applied = new Set(live.map((row) => row.name));
  const shipped = listMigrationNames(options.provider);
  if ([...applied].some((name) => !shipped.includes(name))) return 'ahead';
  return shipped.every((name) => applied.has(name)) ? 'up-to-date' : 'pending';
}
