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

/** A time-ordered UUID (version 7), as Prisma's `uuid(7)` default makes, for rows inserted with raw SQL. */
export function uuidV7(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const time = BigInt(now);
  for (let index = 0; index < 6; index++) bytes[index] = Number((time >> BigInt(8 * (5 - index))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
