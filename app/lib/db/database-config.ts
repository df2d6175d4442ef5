import path from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export type DatabaseConfig =
  { provider: 'sqlite'; filePath: string } | { provider: 'postgresql'; connectionString: string };

export const DEFAULT_SQLITE_PATH = 'data/app.db';

/**
 * Reads which database a URL selects. No URL means the embedded SQLite file; `file:` URLs
 * select SQLite at that path (relative to the working directory); postgres(ql):// selects PostgreSQL.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  const value = url?.trim();
  if (!value) return { provider: 'sqlite', filePath: path.resolve(DEFAULT_SQLITE_PATH) };
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    return { provider: 'postgresql', connectionString: value };
  }
  if (value.startsWith('file:')) {
    const filePath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!filePath) throw new Error('DATABASE_URL "file:" needs a path, for example file:./data/app.db');
    return { provider: 'sqlite', filePath: path.resolve(filePath) };
  }
  throw new Error(
    'DATABASE_URL must start with postgresql://, postgres:// or file: (or be unset for the embedded SQLite database).',
  );
}

export function getDatabaseConfig(): DatabaseConfig {
  return parseDatabaseUrl(process.env.DATABASE_URL);
}

/** A URL for logs and messages: the password is never shown. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.provider === 'sqlite')
    return `SQLite at ${path.relative(process.cwd(), config.filePath) || config.filePath}`;
  try {
    const url = new URL(config.connectionString);
    return `PostgreSQL at ${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
