import { afterEach, describe, expect, inject, it } from 'vitest';
import { dayOf } from '@/app/lib/envelopes/rollups/time-slots';
import { createEmptyDatabase } from '@/app/testing/empty-database';
import { migrationsBefore } from '@/app/testing/migrations-before';
import { createPrismaClient } from '../create-prisma-client';
import { parseDatabaseUrl } from '../database-config';
import { applyMigrations } from './apply-migrations';

const provider = inject('databaseProvider');
const MIGRATION = '20261204015825_signature_wait_by_day';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe(`the ${MIGRATION} migration on ${provider}`, () => {
  it('gives every signature wait folded before it the UTC day it finished on, either side of midnight', async () => {
    const database = await createEmptyDatabase(provider);
    cleanups.push(database.drop);
    const config = parseDatabaseUrl(database.url);
    const before = migrationsBefore(provider, MIGRATION);
    cleanups.push(before.remove);
    await applyMigrations({ config, migrationsDir: before.dir });

    const finishedAt = [
      new Date('2026-03-01T23:59:59.999Z'),
      new Date('2026-03-02T00:00:00.000Z'),
      new Date('2024-02-29T12:34:56.789Z'),
    ];
    const db = createPrismaClient(config);
    for (const [index, at] of finishedAt.entries()) {
      await db.$executeRaw`INSERT INTO "SignatureWait" ("recipientId", "envelopeId", "email", "finishedAt", "seconds")
        VALUES (${index + 1}, ${`env-${index}`}, ${`r${index}@example.com`}, ${at}, ${60 * (index + 1)})`;
    }
    if (provider === 'sqlite') {
      // A database written with the adapter's unixepoch-ms timestamp format holds milliseconds.
      await db.$executeRawUnsafe(
        `INSERT INTO "SignatureWait" ("recipientId", "envelopeId", "email", "finishedAt", "seconds")
         VALUES (4, 'env-3', 'r3@example.com', ${Date.UTC(2025, 6, 4, 23, 0)}, 240)`,
      );
    }
    // The schema engine needs the database to itself (SQLite's write lock).
    await db.$disconnect();

    await applyMigrations({ config });
    const after = createPrismaClient(config);
    cleanups.push(() => after.$disconnect());
    const days = await after.$queryRaw<{ recipientId: number | bigint; finishedDay: number | bigint }[]>`
      SELECT "recipientId", "finishedDay" FROM "SignatureWait" ORDER BY "recipientId"`;
    const expected = finishedAt.map((at) => dayOf(at));
    if (provider === 'sqlite') expected.push(dayOf(new Date(Date.UTC(2025, 6, 4, 23, 0))));
    expect(days.map((row) => Number(row.finishedDay))).toEqual(expected);
    expect(expected.slice(0, 2)).toEqual([20513, 20514]);
  });
});
