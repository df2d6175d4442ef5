import 'server-only';
import { prisma, getDatabaseProvider } from '@/app/lib/db/prisma';
import { readMigrationState } from '@/app/lib/db/read-migration-state';

export type Health =
  | { ok: true; body: { status: 'ok'; database: string; migrations: 'up-to-date' } }
  | { ok: false; body: { status: 'error'; database: string; migrations?: string; reason: string } };

const TIMEOUT_MS = 3_000;

export async function getHealth(): Promise<Health> {
  const database = getDatabaseProvider();
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
    return { ok: true, body: { status: 'ok', database, migrations } };
  } catch (error) {
    // The reason names the kind of failure only: driver messages can carry hosts and user names.
    const reason =
      error instanceof TimeoutError ? 'The database did not answer in time.' : 'The database is unavailable.';
    return { ok: false, body: { status: 'error', database, reason } };
  }
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
