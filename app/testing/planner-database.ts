import { createPrismaClient, type Database } from '@/app/lib/db/create-prisma-client';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { createEmptyDatabase } from './empty-database';

const ENVELOPES = 2_000;

/**
 * A PostgreSQL database of its own for checking query plans: migrated, filled with envelopes spread over every
 * status, a year of activity and two months of deadlines, then vacuumed and analysed. PostgreSQL picks among indexes
 * by its statistics and by how much of the table is known to be visible; in the run's shared database, a few rows
 * that other tests write as the plan is made can tip it to another index (CI saw an index without the status column
 * chosen once), so a plan test there proves little. Here nothing else writes.
 */
export async function createPlannerDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const empty = await createEmptyDatabase('postgresql');
  const config = parseDatabaseUrl(empty.url);
  await applyMigrations({ config });
  const db = createPrismaClient(config);
  await db.$executeRawUnsafe(`INSERT INTO "Hook" (id, name, "allowedNetworks") VALUES ('planner', 'Planner', '[]')`);
  await db.$executeRawUnsafe(
    `INSERT INTO "Envelope" ("id", "hookId", "status", "customValues", "searchText", "firstSeenAt", "lastEventAt",
       "lastAction", "expiresAt", "isTest")
     SELECT 'planner-' || i, 'planner',
       (enum_range(NULL::"EnvelopeStatus"))[1 + i % array_length(enum_range(NULL::"EnvelopeStatus"), 1)],
       '{}', 'planner-' || i, now() - (i % 365) * interval '1 day', now() - (i % 97) * interval '1 day', 'sendSignNotification',
       now() + (i % 60 - 10) * interval '1 day', i % 50 = 0
     FROM generate_series(1, ${ENVELOPES}) AS i`,
  );
  await db.$executeRawUnsafe('VACUUM ANALYZE "Envelope"');
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      await empty.drop();
    },
  };
}
