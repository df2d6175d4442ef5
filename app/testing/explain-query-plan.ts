import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database, Transaction } from '@/app/lib/db/create-prisma-client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';

/**
 * How the database would run `query`, as text a test can match index names in: PostgreSQL's plan as JSON, SQLite's
 * steps one per line. Pass a transaction to plan under its SET LOCAL settings.
 */
export async function explainQueryPlan(
  db: Database | Transaction,
  provider: DatabaseProvider,
  query: Prisma.Sql,
): Promise<string> {
  if (provider === 'postgresql') return JSON.stringify(await db.$queryRaw(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`));
  const steps = await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${query}`);
  return steps.map((step) => step.detail).join('\n');
}
