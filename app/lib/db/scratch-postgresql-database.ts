import pg from 'pg';

/**
 * Creates an empty database on the server `serverUrl` points to and returns its URL. Used where
 * a throw-away database is needed (writing migrations, test runs); the role needs CREATEDB.
 */
export async function createScratchPostgresqlDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await runAdminStatement(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchPostgresqlDatabase(serverUrl: string, databaseUrl: string, prefix: string) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name.startsWith(`${prefix}_`)) throw new Error(`Refusing to drop ${name}: not a scratch database.`);
  await runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function runAdminStatement(serverUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
