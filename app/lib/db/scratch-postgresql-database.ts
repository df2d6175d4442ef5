import pg from 'pg';

/**
 * Creates an empty database on the server `serverUrl` points to and returns its URL. Used where
 * a throw-away database is needed (writing migrations, test runs); the role needs CREATEDB. Named
 * `<prefix>_<suffix>`, the suffix unique to the call unless told (a bench's kept database has a fixed one).
 */
export async function createScratchPostgresqlDatabase(
  serverUrl: string,
  prefix: string,
  suffix?: string,
): Promise<string> {
  const name = `${prefix}_${suffix ?? `${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`}`;
  await runAdminStatement(serverUrl, `CREATE DATABASE "${name}"`);
  return scratchPostgresqlDatabaseUrl(serverUrl, name);
}

/** The URL of the database `name` on the server `serverUrl` points to. */
export function scratchPostgresqlDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function postgresqlDatabaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withAdminClient(serverUrl, async (admin) => {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (found.rowCount ?? 0) > 0;
  });
}

/** How often a drop is tried while the database is still in use (a pool closing, an autovacuum worker leaving). */
const DROP_ATTEMPTS = 10;
const DROP_PAUSE_MS = 300;

/**
 * Drops a scratch database: ends this role's own connections to it, then drops it. Not `WITH (FORCE)`: that also
 * terminates the server's autovacuum worker when one is at work there, which a role without pg_signal_backend may
 * not do (the drop then fails); a plain DROP DATABASE makes the autovacuum worker leave by itself.
 */
export async function dropScratchPostgresqlDatabase(serverUrl: string, databaseUrl: string, prefix: string) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name.startsWith(`${prefix}_`)) throw new Error(`Refusing to drop ${name}: not a scratch database.`);
  await withAdminClient(serverUrl, async (admin) => {
    for (let attempt = 1; ; attempt++) {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
        [name],
      );
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        return;
      } catch (error) {
        // 55006: "is being accessed by other users", still.
        const inUse = error instanceof pg.DatabaseError && error.code === '55006';
        if (!inUse || attempt >= DROP_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, DROP_PAUSE_MS));
      }
    }
  });
}

async function runAdminStatement(serverUrl: string, sql: string) {
  await withAdminClient(serverUrl, (admin) => admin.query(sql));
}

async function withAdminClient<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
