import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import {
  createScratchPostgresqlDatabase,
  dropScratchPostgresqlDatabase,
} from '@/app/lib/db/scratch-postgresql-database';
import { assertLocalPostgresqlUrl } from './test-database-guard';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseProvider: 'sqlite' | 'postgresql';
    databaseUrl: string;
  }
}

/** Each run gets a new, migrated database: a SQLite file, or a PostgreSQL database made for the run. */
export default async function setup(project: TestProject) {
  const provider = project.config.provide.databaseProvider;
  if (provider === 'sqlite') {
    const dir = path.join(process.cwd(), 'data', 'test');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `integration-${process.pid}.db`);
    rmSync(file, { force: true });
    const url = `file:${file}`;
    await applyMigrations({ config: parseDatabaseUrl(url) });
    project.provide('databaseUrl', url);
    return () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  assertLocalPostgresqlUrl(serverUrl);
  const url = await createScratchPostgresqlDatabase(serverUrl, 'envtest_integration');
  await applyMigrations({ config: parseDatabaseUrl(url) });
  project.provide('databaseUrl', url);
  return () => dropScratchPostgresqlDatabase(serverUrl, url, 'envtest_integration');
}
