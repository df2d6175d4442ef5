import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';

const { sql, raw } = Prisma;

/**
 * Whole seconds since the Unix epoch of a DateTime column, in SQL both databases run. SQLite keeps DateTime as ISO
 * text (this app's adapter setting) but a database written with `timestampFormat: 'unixepoch-ms'` holds integers, so
 * both are read; PostgreSQL's `timestamp(3)` holds UTC wall time, which EXTRACT(EPOCH) reads as UTC.
 */
export function sqlEpochSeconds(provider: DatabaseProvider, column: string): Prisma.Sql {
  const ref = raw(column);
  return provider === 'postgresql'
    ? sql`CAST(FLOOR(EXTRACT(EPOCH FROM ${ref})) AS BIGINT)`
    : sql`(CASE WHEN typeof(${ref}) IN ('integer', 'real') THEN CAST(${ref} / 1000 AS INTEGER) ELSE CAST(strftime('%s', ${ref}) AS INTEGER) END)`;
}

/**
 * Test notifications from the Setup page make envelopes of their own (marked Envelope.isTest when first seen); they
 * say nothing about real signing. `alias` is the Envelope table's alias in the query.
 */
export function sqlNotTestEnvelope(alias: string): Prisma.Sql {
  return sql`NOT ${raw(`${alias}."isTest"`)}`;
}
