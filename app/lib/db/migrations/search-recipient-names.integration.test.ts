import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createEmptyDatabase } from '@/app/testing/empty-database';
import { createPrismaClient } from '../create-prisma-client';
import { parseDatabaseUrl } from '../database-config';
import { applyMigrations } from './apply-migrations';
import { readMigrations } from './read-migrations';
import { getSchemaPaths } from './schema-paths';

const provider = inject('databaseProvider');
const MIGRATION = '20261130230000_search_recipient_names';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The migrations as they stood before the one under test. */
function migrationsBefore(name: string): string {
  const source = getSchemaPaths(provider).migrationsDir;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'envelope-migrations-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(source, dir, { recursive: true });
  expect(readMigrations(source).migrationDirectories.map((directory) => directory.path)).toContain(name);
  rmSync(path.join(dir, name), { recursive: true });
  return dir;
}

describe(`the ${MIGRATION} migration on ${provider}`, () => {
  it("adds the names of an envelope's recipients to its search text, and leaves envelopes without names alone", async () => {
    const database = await createEmptyDatabase(provider);
    cleanups.push(database.drop);
    const config = parseDatabaseUrl(database.url);
    await applyMigrations({ config, migrationsDir: migrationsBefore(MIGRATION) });

    const db = createPrismaClient(config);
    await db.hook.create({ data: { id: 'hook-1', name: 'Hook', allowedNetworks: [] } });
    const envelope = (id: string, names: (string | null)[]) =>
      db.envelope.create({
        data: {
          id,
          hookId: 'hook-1',
          status: 'opened',
          customValues: {},
          firstSeenAt: new Date(),
          lastEventAt: new Date(),
          lastAction: 'workstepOpened',
          searchText: `${id}\nana@example.com`,
          recipients: {
            create: names.map((name, index) => ({ key: `order:${index + 1}`, recipientOrder: index + 1, name })),
          },
        },
      });
    await envelope('env-named', ['Ana Popescu', null, 'Ion Ionescu']);
    await envelope('env-unnamed', [null]);

    // The schema engine needs the database to itself (SQLite's write lock).
    await db.$disconnect();

    await applyMigrations({ config });
    const after = createPrismaClient(config);
    cleanups.push(() => after.$disconnect());
    const searchText = async (id: string) =>
      (await after.envelope.findUniqueOrThrow({ where: { id }, select: { searchText: true } })).searchText;
    expect((await searchText('env-named')).split('\n').sort()).toEqual(
      ['env-named', 'ana@example.com', 'ana popescu', 'ion ionescu'].sort(),
    );
    expect(await searchText('env-unnamed')).toBe('env-unnamed\nana@example.com');
  });
});
