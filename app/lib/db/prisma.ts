import 'server-only';
import { createPrismaClient, type Database } from './create-prisma-client';
import { getDatabaseConfig, type DatabaseProvider } from './database-config';
import { SQLITE_WAL_AUTOCHECKPOINT_PAGES } from './sqlite-pragmas';

// One client per process: Next.js dev reloads re-evaluate modules, globalThis survives them.
const globalForPrisma = globalThis as unknown as { prisma?: Database; prismaProvider?: DatabaseProvider };

function getClient(): Database {
  if (!globalForPrisma.prisma) {
    const config = getDatabaseConfig();
    const client = createPrismaClient(config);
    if (config.provider === 'sqlite') {
      // In WAL mode NORMAL still survives an application crash (only a power loss can cost the last
      // commits) and saves an fsync per webhook. The adapter keeps one connection, so this runs first.
      client.$queryRawUnsafe('PRAGMA synchronous = NORMAL').catch(() => undefined);
      client.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SQLITE_WAL_AUTOCHECKPOINT_PAGES}`).catch(() => undefined);
    }
    globalForPrisma.prisma = client;
    globalForPrisma.prismaProvider = config.provider;
  }
  return globalForPrisma.prisma;
}

/** The process's Prisma client, created on first use (so `next build` needs no database). */
export const prisma: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export function getDatabaseProvider(): DatabaseProvider {
  return globalForPrisma.prismaProvider ?? getDatabaseConfig().provider;
}
