import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePostgresqlSchema, POSTGRESQL_SCHEMA_PATH, SQLITE_SCHEMA_PATH } from './derive-postgresql-schema';

describe('the PostgreSQL schema', () => {
  it('is exactly the SQLite models with the PostgreSQL provider (run `npm run db:schema` if this fails)', () => {
    const derived = derivePostgresqlSchema(readFileSync(SQLITE_SCHEMA_PATH, 'utf8'));
    expect(readFileSync(POSTGRESQL_SCHEMA_PATH, 'utf8')).toBe(derived);
  });

  it('changes only the provider and the client output, keeping every model line', () => {
    const sqlite = readFileSync(SQLITE_SCHEMA_PATH, 'utf8');
    const derived = derivePostgresqlSchema(sqlite);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('"sqlite"');
    const modelLines = (text: string) => text.split('\n').filter((line) => !/provider|output|^\/\//.test(line));
    expect(modelLines(derived)).toEqual(
      modelLines(sqlite).slice(modelLines(sqlite).length - modelLines(derived).length),
    );
  });
});
