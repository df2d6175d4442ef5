import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import {
  createScratchPostgresqlDatabase,
  dropScratchPostgresqlDatabase,
} from '@/app/lib/db/scratch-postgresql-database';
import { assertLocalPostgresqlUrl } from '@/app/testing/test-database-guard';

const provider = inject('databaseProvider');
const SCRATCH_PREFIX = 'envtest_health';

async function loadRoutes() {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  return { readiness: (await import('./route')).GET, liveness: (await import('./live/route')).GET };
}

/** Another connection, not the app's, holding the write lock until `release` (as a backup or a stuck program would). */
async function holdWriteLock(databaseUrl: string): Promise<{ release: () => Promise<void> }> {
  const config = parseDatabaseUrl(databaseUrl);
  if (config.provider === 'sqlite') {
    const other = new Sqlite(config.filePath);
    other.exec('BEGIN EXCLUSIVE');
    return {
      release: async () => {
        other.exec('ROLLBACK');
        other.close();
      },
    };
  }
  const other = new pg.Client({ connectionString: config.connectionString });
  await other.connect();
  await other.query('BEGIN');
  // Reading stays possible (as it does on SQLite in WAL mode); writing the table waits.
  await other.query('LOCK TABLE "_prisma_migrations" IN EXCLUSIVE MODE');
  return {
    release: async () => {
      await other.query('ROLLBACK');
      await other.end();
    },
  };
}

describe('GET /api/health', () => {
  const originalUrl = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = originalUrl;
  });

  it('answers 200 with the database kind, up-to-date migrations and a database that takes writes', async () => {
    const { readiness } = await loadRoutes();
    const response = await readiness();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: provider,
      migrations: 'up-to-date',
      writes: 'ok',
    });
  });

  it('answers 503 with a reason, and no connection details, when the database does not answer', async () => {
    // SQLite: a path below a regular file can never be opened.
    process.env.DATABASE_URL =
      provider === 'sqlite'
        ? 'file:./package.json/no-such-dir/app.db'
        : 'postgresql://health:s3cret@127.0.0.1:1/nothing';
    const { readiness } = await loadRoutes();
    const response = await readiness();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'error', database: provider, reason: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/s3cret|health@|no-such-dir/);
  });

  it('answers 503 within a few seconds while another connection holds the write lock; liveness stays 200', async () => {
    const { readiness, liveness } = await loadRoutes();
    // Warm up (connections, module loading), so the timing below is the probe's own.
    expect((await readiness()).status).toBe(200);

    const lock = await holdWriteLock(process.env.DATABASE_URL!);
    try {
      const startedAt = Date.now();
      const response = await readiness();
      const elapsed = Date.now() - startedAt;
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.json();
      expect(body).toEqual({
        status: 'error',
        database: provider,
        migrations: 'up-to-date',
        writes: 'failing',
        reason: expect.stringMatching(/^Writes are blocked: another connection has held the database's write lock/),
      });
      expect(elapsed).toBeGreaterThanOrEqual(1_500);
      expect(elapsed).toBeLessThan(5_000);

      const live = await liveness();
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
    } finally {
      await lock.release();
    }
    // Once the lock is gone, ready again; the probe left nothing behind.
    expect((await readiness()).status).toBe(200);
  });

  it.skipIf(provider !== 'postgresql')(
    'answers 503 when PostgreSQL is read-only (default_transaction_read_only), saying so',
    async () => {
      const serverUrl = process.env.TEST_DATABASE_URL!;
      assertLocalPostgresqlUrl(serverUrl);
      // A database of its own: a read-only flag on the shared one would fail the other test files running now.
      const url = await createScratchPostgresqlDatabase(serverUrl, SCRATCH_PREFIX);
      try {
        await applyMigrations({ config: parseDatabaseUrl(url) });
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          const name = new URL(url).pathname.slice(1);
          await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
        } finally {
          await admin.end();
        }

        process.env.DATABASE_URL = url;
        const { readiness, liveness } = await loadRoutes();
        const response = await readiness();
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({
          status: 'error',
          database: 'postgresql',
          migrations: 'up-to-date',
          writes: 'failing',
          reason: expect.stringMatching(/^The database takes no writes: it is read-only/),
        });
        expect((await liveness()).status).toBe(200);
        await (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect();
      } finally {
        await dropScratchPostgresqlDatabase(serverUrl, url, SCRATCH_PREFIX);
      }
    },
  );
});
