import 'server-only';
import { createPrismaClient, type Transaction } from './create-prisma-client';
import { getDatabaseConfig } from './database-config';
import { prisma } from './prisma';

/** The longest a snapshot stays open: an export of millions of envelopes to a slow client, but not forever. */
export const READ_SNAPSHOT_TIME_LIMIT_MS = 30 * 60_000;
/** How long to wait for a connection to open the snapshot on. */
const CONNECTION_WAIT_MS = 10_000;

let openSnapshots = 0;

/** Snapshots open in this process now (tests: one left open holds a connection and, on SQLite, the WAL). */
export function openReadSnapshots(): number {
  return openSnapshots;
}

/**
 * Runs `read` in one read-only snapshot: every query it makes sees the database as it stood at its first query,
 * whatever commits meanwhile, and nothing it runs can write.
 *
 * PostgreSQL: a REPEATABLE READ, READ ONLY transaction on one of the pool's connections. SQLite: a read transaction
 * on a connection of its own, opened for this read and closed after it. The process's client has a single
 * connection, and a transaction open on it would take in every other request's queries, which would then see the
 * snapshot too; WAL mode lets this reader keep its snapshot while the writer goes on (the WAL file grows meanwhile,
 * since a checkpoint cannot pass a reader).
 */
export async function withReadSnapshot<T>(read: (db: Transaction) => Promise<T>): Promise<T> {
  openSnapshots += 1;
  try {
    return await readInSnapshot(read);
  } finally {
    openSnapshots -= 1;
  }
}

async function readInSnapshot<T>(read: (db: Transaction) => Promise<T>): Promise<T> {
  const config = getDatabaseConfig();
  const options = { maxWait: CONNECTION_WAIT_MS, timeout: READ_SNAPSHOT_TIME_LIMIT_MS };
  if (config.provider === 'postgresql') {
    return prisma.$transaction(async (db) => {
      await db.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return read(db);
    }, options);
  }
  const reader = createPrismaClient(config);
  try {
    await reader.$queryRawUnsafe('PRAGMA query_only = 1');
    return await reader.$transaction(read, options);
  } finally {
    await reader.$disconnect();
  }
}
