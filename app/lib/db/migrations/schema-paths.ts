import path from 'node:path';
import type { DatabaseProvider } from '../database-config';

/** Where each provider keeps its schema and migration history (the official CLI's layout). */
export function getSchemaPaths(provider: DatabaseProvider) {
  return provider === 'sqlite'
    ? {
        schemaPath: path.join(process.cwd(), 'prisma', 'schema.prisma'),
        migrationsDir: path.join(process.cwd(), 'prisma', 'migrations'),
      }
    : {
        schemaPath: path.join(process.cwd(), 'prisma', 'postgresql', 'schema.prisma'),
        migrationsDir: path.join(process.cwd(), 'prisma', 'postgresql', 'migrations'),
      };
}
