import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { DatabaseProvider } from './database-config';
import { sqliteTimestamp } from './sql-values';

// Many values in one raw statement, as a single JSON parameter: Prisma's query compiler spends most of a bulk
// statement's time on its values when they are separate parameters (a 500-row createMany compiles for longer than the
// database takes to run it), and the statement's text stays the same whatever the number of rows.

/** A column's PostgreSQL type; SQLite stores the same values as ISO text (timestamps), 0/1 (booleans) or as they are. */
export type JsonRowColumns = Record<string, 'text' | 'integer' | 'boolean' | 'timestamp(3)' | '"EnvelopeStatus"'>;

/** A subquery of `values`, for `IN (…)`. */
export function jsonValueList(provider: DatabaseProvider, values: readonly (string | number)[]): Prisma.Sql {
  const json = JSON.stringify(values);
  return provider === 'postgresql'
    ? Prisma.sql`(SELECT jsonb_array_elements_text(CAST(${json} AS jsonb)))`
    : Prisma.sql`(SELECT value FROM json_each(${json}))`;
}

/** The columns' names, quoted, for a statement's column list. */
export function columnList(columns: JsonRowColumns): Prisma.Sql {
  return Prisma.raw(
    Object.keys(columns)
      .map((name) => `"${name}"`)
      .join(', '),
  );
}

/** `INSERT INTO <table> (<columns>) SELECT … FROM <rows>`, every row in one JSON parameter. */
export function insertJsonRows(
  provider: DatabaseProvider,
  table: string,
  rows: readonly Record<string, unknown>[],
  columns: JsonRowColumns,
): Prisma.Sql {
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList(columns)})
    SELECT ${columnList(columns)} FROM ${jsonRowsTable(provider, rows, columns)}`;
}

/** The rows as a table named `t` with the columns' names and types, for a FROM clause: one JSON parameter. */
export function jsonRowsTable(
  provider: DatabaseProvider,
  rows: readonly Record<string, unknown>[],
  columns: JsonRowColumns,
): Prisma.Sql {
  const names = Object.keys(columns);
  if (provider === 'postgresql') {
    const definitions = names.map((name) => `"${name}" ${columns[name]}`).join(', ');
    return Prisma.sql`jsonb_to_recordset(CAST(${JSON.stringify(rows)} AS jsonb)) AS t(${Prisma.raw(definitions)})`;
  }
  const sqliteRows = rows.map((row) => Object.fromEntries(names.map((name) => [name, toSqlite(row[name])])));
  const extracts = names.map((name) => `json_extract(value, '$.${name}') AS "${name}"`).join(', ');
  return Prisma.sql`(SELECT ${Prisma.raw(extracts)} FROM json_each(${JSON.stringify(sqliteRows)})) AS t`;
}

/** As Prisma stores it in SQLite: timestamps as ISO text with an explicit offset, booleans as 0 or 1. */
function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}
