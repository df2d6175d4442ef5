import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  createScratchPostgresqlDatabase,
  dropScratchPostgresqlDatabase,
  postgresqlDatabaseExists,
  scratchPostgresqlDatabaseUrl,
} from '@/app/lib/db/scratch-postgresql-database';
import { assertLocalPostgresqlUrl } from '@/app/testing/test-database-guard';
import { registerCleanup } from './cleanup';

export type DatabaseKind = 'SQLite' | 'PostgreSQL';

export type BenchDatabase = {
  kind: DatabaseKind;
  databaseUrl: string;
  /** Removes what was created for the run; safe to call twice. */
  dispose(): Promise<void>;
};

export const SQLITE_BENCH_FILE = 'data/bench/ingest.db';
const SCRATCH_DATABASE_PREFIX = 'envtest_bench';

/** A fresh SQLite file. It is left behind after the run for inspection and replaced by the next run. */
export function prepareSqliteDatabase(): BenchDatabase {
  mkdirSync(path.dirname(SQLITE_BENCH_FILE), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${SQLITE_BENCH_FILE}${suffix}`, { force: true });
  return { kind: 'SQLite', databaseUrl: `file:./${SQLITE_BENCH_FILE}`, dispose: async () => undefined };
}

/** A new, empty database on the local server `serverUrl` points to, dropped again by dispose(). */
export async function preparePostgresqlDatabase(serverUrl: string): Promise<BenchDatabase> {
  // The bench creates and drops databases and floods the server, so it must only ever touch this machine.
  assertLocalPostgresqlUrl(serverUrl);
  const databaseUrl = await createScratchPostgresqlDatabase(serverUrl, SCRATCH_DATABASE_PREFIX);
  return { kind: 'PostgreSQL', databaseUrl, dispose: dropAfterRun(serverUrl, databaseUrl, { keep: false }) };
}

/**
 * The database `envtest_bench_<name>` on the local server, which a bench may keep for a later run: reused as it is
 * when `reuse` is set and it exists, created empty otherwise (replacing any of that name), and dropped after the run
 * unless `keep` is set.
 */
export async function prepareKeptPostgresqlDatabase(
  serverUrl: string,
  options: { name: string; reuse: boolean; keep: boolean },
): Promise<BenchDatabase & { name: string; reused: boolean }> {
  assertLocalPostgresqlUrl(serverUrl);
  const name = `${SCRATCH_DATABASE_PREFIX}_${options.name}`;
  const existingUrl = scratchPostgresqlDatabaseUrl(serverUrl, name);
  if (options.reuse && (await postgresqlDatabaseExists(serverUrl, name))) {
    return { kind: 'PostgreSQL', databaseUrl: existingUrl, name, reused: true, dispose: async () => undefined };
  }
  await dropScratchPostgresqlDatabase(serverUrl, existingUrl, SCRATCH_DATABASE_PREFIX);
  const databaseUrl = await createScratchPostgresqlDatabase(serverUrl, SCRATCH_DATABASE_PREFIX, options.name);
  return {
    kind: 'PostgreSQL',
    databaseUrl,
    name,
    reused: false,
    dispose: dropAfterRun(serverUrl, databaseUrl, options),
  };
}

/**
 * A dispose() that drops the database, unless `keep` is set. A run stopped by a signal drops it even then: a kept
 * database is reused only with the record of a finished fill.
 */
function dropAfterRun(serverUrl: string, databaseUrl: string, options: { keep: boolean }): () => Promise<void> {
  let dropped: Promise<void> | undefined;
  const drop = () => {
    dropped ??= dropScratchPostgresqlDatabase(serverUrl, databaseUrl, SCRATCH_DATABASE_PREFIX).finally(forget);
    return dropped;
  };
  // Dropping needs a connection, which an exiting process cannot await: only the graceful path can do it.
  const forget = registerCleanup({ graceful: drop, lastResort: () => undefined });
  return async () => {
    if (options.keep) forget();
    else await drop();
  };
}
