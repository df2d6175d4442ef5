import 'server-only';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import { prisma, getDatabaseProvider } from '@/app/lib/db/prisma';
import { readMigrationState } from '@/app/lib/db/read-migration-state';
import { probePostgresqlWrites } from './probe-postgresql-writes';
import { probeSqliteWrites } from './probe-sqlite-writes';
import type { WriteProbe } from './write-probe';

export type Health =
  | { ok: true; body: { status: 'ok'; database: string; migrations: 'up-to-date'; writes: 'ok' } }
  | {
      ok: false;
      body: { status: 'error'; database: string; migrations?: string; writes?: 'failing'; reason: string };
    };

/** The whole check answers within this long, so a load balancer's probe (often 5 s) never times out first. */
const TIMEOUT_MS = 3_000;
/** How long a blocked test write may wait for the write lock, within that. */
const WRITE_TIMEOUT_MS = 2_000;

/**
 * Readiness: the database answers, its migrations match the code, and it takes writes (a test write,
 * rolled back). Reading alone is not enough: a locked SQLite file or a read-only PostgreSQL answers
 * reads while every webhook fails. Liveness (/api/health/live) stays free of the database.
 */
export async function getHealth(): Promise<Health> {
  const database = getDatabaseProvider();
  const deadline = Date.now() + TIMEOUT_MS;
  try {
    const migrations = await withTimeout(readMigrationState({ db: prisma, provider: database }), TIMEOUT_MS);
    if (migrations !== 'up-to-date') {
      return {
        ok: false,
        body: {
          status: 'error',
          database,
          migrations,
          reason: `Database migrations are ${migrations}: run npm run db:migrate.`,
        },
      };
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new TimeoutError();
    const writes = await withTimeout(probeWrites(Math.min(WRITE_TIMEOUT_MS, remaining)), remaining);
    if (!writes.ok)
      return { ok: false, body: { status: 'error', database, migrations, writes: 'failing', reason: writes.reason } };
    return { ok: true, body: { status: 'ok', database, migrations, writes: 'ok' } };
  } catch (error) {
    // The reason names the kind of failure only: driver messages can carry hosts and user names.
    const reason =
      error instanceof TimeoutError ? 'The database did not answer in time.' : 'The database is unavailable.';
    return { ok: false, body: { status: 'error', database, reason } };
  }
}

function probeWrites(timeoutMs: number): Promise<WriteProbe> {
  const config = getDatabaseConfig();
  return config.provider === 'sqlite'
    ? probeSqliteWrites({ filePath: config.filePath, timeoutMs })
    : probePostgresqlWrites({ db: prisma, timeoutMs });
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
