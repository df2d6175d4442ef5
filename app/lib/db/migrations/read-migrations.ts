import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { DatabaseProvider } from '../database-config';
import { getSchemaPaths } from './schema-paths';

export function readDatamodel(provider: DatabaseProvider) {
  const { schemaPath } = getSchemaPaths(provider);
  return { path: schemaPath, content: readFileSync(schemaPath, 'utf8') };
}

/** The migration history on disk, in the shape the schema engine takes. */
export function readMigrations(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const filePath = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(filePath)
            ? { tag: 'ok' as const, value: readFileSync(filePath, 'utf8') }
            : { tag: 'error' as const, value: `${filePath} is missing` },
        },
      };
    }),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * What the schema engine must neither diff nor drop: tables the migrations create that Prisma cannot model, the
 * envelope search's index. On SQLite a full-text virtual table and the shadow tables SQLite keeps for it; on
 * PostgreSQL a copy of the texts under a trigram index and the marks of the texts it has yet to take in.
 */
export function schemaFilters(provider: DatabaseProvider) {
  if (provider === 'postgresql') {
    return { externalTables: ['public.EnvelopeSearchEntry', 'public.EnvelopeSearchChange'], externalEnums: [] };
  }
  const externalTables = ['', '_config', '_data', '_docsize', '_idx'].map((suffix) => `EnvelopeSearch${suffix}`);
  return { externalTables, externalEnums: [] };
}
