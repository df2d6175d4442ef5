import { afterEach, describe, expect, inject, it } from 'vitest';
import { createEmptyDatabase } from '@/app/testing/empty-database';
import { migrationsBefore } from '@/app/testing/migrations-before';
import { createPrismaClient } from '../create-prisma-client';
import { parseDatabaseUrl } from '../database-config';
import { applyMigrations } from './apply-migrations';

const provider = inject('databaseProvider');
const MIGRATION = '20261130230000_search_recipient_names';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe(`the ${MIGRATION} migration on ${provider}`, () => {
  it("adds the names of an envelope's recipients to its search text, and leaves envelopes without names alone", async () => {
    const database = await createEmptyDatabase(provider);
    cleanups.push(database.drop);
    const config = parseDatabaseUrl(database.url);
    const before = migrationsBefore(provider, MIGRATION);
    cleanups.push(before.remove);
    await applyMigrations({ config, migrationsDir: before.dir });

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
