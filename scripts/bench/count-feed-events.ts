import Database from 'better-sqlite3';
import pg from 'pg';
import type { BenchDatabase } from './bench-databases';

/**
 * How many change-feed events the server has recorded, read from its database: each is one delivery to the bench's
 * subscription, so the backlog is sent when the sink has had that many (a pause of the sender proves nothing).
 */
export async function countFeedEvents(database: BenchDatabase): Promise<number> {
  if (database.kind === 'SQLite') {
    const file = database.databaseUrl.replace(/^file:/, '');
    const connection = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (connection.prepare('SELECT COUNT(*) AS n FROM "FeedEvent"').get() as { n: number }).n;
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: database.databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "FeedEvent"');
    return Number(result.rows[0]!.n);
  } finally {
    await client.end();
  }
}
