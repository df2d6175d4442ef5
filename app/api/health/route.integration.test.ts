import { afterEach, describe, expect, inject, it, vi } from 'vitest';

const provider = inject('databaseProvider');

async function loadRoute() {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  return import('./route');
}

describe('GET /api/health', () => {
  const originalUrl = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = originalUrl;
  });

  it('answers 200 with the database kind and up-to-date migrations', async () => {
    const { GET } = await loadRoute();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: provider, migrations: 'up-to-date' });
  });

  it('answers 503 with a reason, and no connection details, when the database does not answer', async () => {
    // SQLite: a path below a regular file can never be opened.
    process.env.DATABASE_URL =
      provider === 'sqlite'
        ? 'file:./package.json/no-such-dir/app.db'
        : 'postgresql://health:s3cret@127.0.0.1:1/nothing';
    const { GET } = await loadRoute();
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'error', database: provider, reason: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/s3cret|health@|no-such-dir/);
  });
});
