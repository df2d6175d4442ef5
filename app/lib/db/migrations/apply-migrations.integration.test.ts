import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '../create-prisma-client';
import { parseDatabaseUrl } from '../database-config';
import { createEmptyDatabase } from '@/app/testing/empty-database';
import { applyMigrations, MigrationRefusedError } from './apply-migrations';
import { diffMigrationsToModels } from './create-migration';
import { getSchemaPaths } from './schema-paths';

const provider = inject('databaseProvider');
const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDatabase() {
  const database = await createEmptyDatabase(provider);
  cleanups.push(database.drop);
  return { url: database.url, config: parseDatabaseUrl(database.url) };
}

async function tableNames(url: string) {
  const db = createPrismaClient(parseDatabaseUrl(url));
  try {
    const sql =
      provider === 'sqlite'
        ? `SELECT name FROM sqlite_master WHERE type = 'table'`
        : `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`;
    return (await db.$queryRawUnsafe<{ name: string }[]>(sql)).map((row) => row.name);
  } finally {
    await db.$disconnect();
  }
}

function migrationsWith(extra: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envelope-migrations-'));
  cpSync(getSchemaPaths(provider).migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function startServerPreparation(url: string) {
  return run(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/prepare-server.ts'], {
    env: { ...process.env, DATABASE_URL: url },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe(`migrations on ${provider}`, () => {
  it('apply every migration to an empty database, then find nothing left to apply', async () => {
    const { url, config } = await emptyDatabase();
    const first = await applyMigrations({ config });
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await tableNames(url)).toEqual(expect.arrayContaining(['_prisma_migrations', 'Hook', 'Envelope', 'Event']));

    const second = await applyMigrations({ config });
    expect(second.applied).toEqual([]);
  });

  it('stop at a failing migration with a message that says what to do, and refuse to start afterwards', async () => {
    const { url, config } = await emptyDatabase();
    const migrationsDir = migrationsWith({ '99990101000000_broken': 'CREATE TABLE "Broken" (;' });

    const failure = await applyMigrations({ config, migrationsDir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationRefusedError);
    expect((failure as Error).message).toMatch(/A migration failed/);

    const startup = await startServerPreparation(url);
    expect(startup.code).toBe(1);
    expect(startup.stderr).toMatch(/99990101000000_broken failed earlier/);
    expect(startup.stderr).toMatch(/migrate resolve --rolled-back/);
  });

  it('refuse to start when the database is ahead of the code', async () => {
    const { url, config } = await emptyDatabase();
    await applyMigrations({ config, migrationsDir: migrationsWith({ '99990101000000_from_the_future': 'SELECT 1;' }) });

    const startup = await startServerPreparation(url);
    expect(startup.code).toBe(1);
    expect(startup.stderr).toMatch(/ahead of the code/);
    expect(startup.stderr).toMatch(/99990101000000_from_the_future/);
  });

  it('let the server start on a database that is up to date', async () => {
    const { url, config } = await emptyDatabase();
    await applyMigrations({ config });
    const startup = await startServerPreparation(url);
    expect(startup.code).toBe(0);
    expect(startup.stdout).toMatch(/migrations up to date/);
  });

  it('have a migration history that produces exactly the current models', async () => {
    const scratchServerUrl = provider === 'postgresql' ? process.env.TEST_DATABASE_URL : undefined;
    const pending = await diffMigrationsToModels({ provider, scratchServerUrl });
    expect(pending, 'models changed without a migration: run npm run db:migration -- <name>').toBe('');
  });
});
