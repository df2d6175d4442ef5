import { randomUUID } from 'node:crypto';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { DatabaseProvider } from './database-config';

// Raw SQL is written once for both databases; only these values need PostgreSQL's explicit casts.

export function sqlJson(provider: DatabaseProvider, value: unknown): Prisma.Sql {
  const text = JSON.stringify(value);
  return provider === 'postgresql' ? Prisma.sql`CAST(${text} AS jsonb)` : Prisma.sql`${text}`;
}

/** A timestamp as Prisma's SQLite adapter writes it, so that rows written with raw SQL compare and sort alike. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

export function sqlEnum(provider: DatabaseProvider, typeName: 'EnvelopeStatus' | 'DeliveryOutcome', value: string) {
  return provider === 'postgresql'
    ? Prisma.sql`CAST(${value} AS ${Prisma.raw(`"${typeName}"`)})`
    : Prisma.sql`${value}`;
}

/**
 * A time-ordered UUID (version 7), as Prisma's `uuid(7)` default makes, for rows inserted with raw SQL: a random
 * (version 4) UUID with its first 48 bits replaced by the time and its version digit by 7. Node.js hands out random
 * UUIDs from a pooled buffer; asking for 16 fresh random bytes per id cost the ingest about 1.5 % of its CPU time.
 */
export function uuidV7(now = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  // random: xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx; everything after its version digit stays.
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
