import { describe, expect, it } from 'vitest';
import { assertLocalPostgresqlUrl, resolvePostgresqlTestDatabase } from './test-database-guard';

describe('the test database guard', () => {
  it('accepts PostgreSQL on this machine', () => {
    expect(() => assertLocalPostgresqlUrl('postgresql://u:p@127.0.0.1:5432/t')).not.toThrow();
    expect(() => assertLocalPostgresqlUrl('postgresql://u:p@localhost/t')).not.toThrow();
  });

  it('refuses a database on another host, since the tests wipe what they are given', () => {
    expect(() => assertLocalPostgresqlUrl('postgresql://u:p@prod.example.com/app')).toThrow(
      /must point to this machine/,
    );
  });

  it('fails under CI=true when TEST_DATABASE_URL is missing, and skips otherwise', () => {
    expect(() => resolvePostgresqlTestDatabase({ CI: 'true' })).toThrow(/must run in CI/);
    expect(resolvePostgresqlTestDatabase({ VITEST_WORKER_ID: '1' })).toBeUndefined();
  });
});
