import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { EnvelopeStatus } from './envelope-statuses';

/**
 * Statuses as an SQL list of literals (`'sent', 'opened'`), for `"status" IN (…)`: literals compare with the column
 * on both databases (a PostgreSQL enum, SQLite text), where a bound text parameter would not on PostgreSQL.
 */
export function statusListSql(statuses: readonly EnvelopeStatus[]): Prisma.Sql {
  return Prisma.raw(statusListText(statuses));
}

/** The same list as plain SQL text, for the writers that build statements without Prisma. */
export function statusListText(statuses: readonly EnvelopeStatus[]): string {
  // The values come from the lifecycle's own list, never from a request; the check keeps it that way.
  return statuses
    .map((status) => {
      if (!/^[a-z_]+$/.test(status)) throw new Error(`Not a status: ${status}`);
      return `'${status}'`;
    })
    .join(', ');
}
