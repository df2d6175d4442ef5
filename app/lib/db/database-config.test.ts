import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDatabase, parseDatabaseUrl } from './database-config';

describe('parseDatabaseUrl', () => {
  it('uses the embedded SQLite file data/app.db when no URL is set', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ provider: 'sqlite', filePath: path.resolve('data/app.db') });
    expect(parseDatabaseUrl('  ')).toEqual({ provider: 'sqlite', filePath: path.resolve('data/app.db') });
  });

  it('selects SQLite at the path of a file: URL', () => {
    expect(parseDatabaseUrl('file:./tmp/x.db')).toEqual({ provider: 'sqlite', filePath: path.resolve('tmp/x.db') });
    expect(parseDatabaseUrl('file:/var/lib/app.db')).toEqual({ provider: 'sqlite', filePath: '/var/lib/app.db' });
  });

  it('selects PostgreSQL for postgres:// and postgresql:// URLs', () => {
    for (const url of ['postgres://u:p@db:5432/app', 'postgresql://u:p@db:5432/app']) {
      expect(parseDatabaseUrl(url)).toEqual({ provider: 'postgresql', connectionString: url });
    }
  });

  it('refuses other URLs with a message naming the accepted forms', () => {
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/postgresql:\/\/.*file:/);
  });

  it('never shows the password when describing a database', () => {
    const text = describeDatabase(parseDatabaseUrl('postgresql://user:s3cret@db.local:5432/app'));
    expect(text).toBe('PostgreSQL at db.local:5432/app');
    expect(text).not.toContain('s3cret');
  });
});
