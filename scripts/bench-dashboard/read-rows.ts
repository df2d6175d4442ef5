import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseProvider } from '@/app/lib/db/database-config';

/**
 * The rows of one query on a filled database, through its driver: what the scenarios expect is read from the
 * database itself, in the order the app reads it. `sqlFor` gets the provider for the few spellings that differ.
 */
export async function readRows<Row>(databaseUrl: string, sqlFor: (provider: DatabaseProvider) => string) {
  const config = parseDatabaseUrl(databaseUrl);
  const sql = sqlFor(config.provider);
  if (config.provider === 'sqlite') {
    const database = new Sqlite(config.filePath, { readonly: true });
    try {
      return database.prepare(sql).all() as Row[];
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: config.connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

/**
 * A timestamp column as ISO 8601 text, for `new Date()`: SQLite stores it as text already (as Prisma's adapter
 * writes it); PostgreSQL's driver would read a timestamp without time zone in the local zone, so it is formatted.
 */
export function isoTimeOf(provider: DatabaseProvider, column: string): string {
  return provider === 'sqlite' ? `"${column}"` : `to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
