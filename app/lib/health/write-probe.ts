/** The outcome of a test write: `reason` is safe to show (no hosts, users or paths from driver messages). */
export type WriteProbe = { ok: true } | { ok: false; reason: string };

/**
 * The test write, rolled back afterwards: it rewrites one row of the migration table to the same
 * values. Every database of this app has that table and at least one row in it (readiness first
 * checks the migrations), and no other code writes it while the app runs, so the probe never waits
 * on app data. The statement needs the write lock (SQLite) and fails on a read-only database
 * (PostgreSQL: a standby, default_transaction_read_only), even though it changes nothing.
 */
export const PROBE_WRITE_SQL =
  'UPDATE "_prisma_migrations" SET "applied_steps_count" = "applied_steps_count" WHERE "id" = (SELECT "id" FROM "_prisma_migrations" LIMIT 1)';

/** What readiness says when the test write fails, each with what to look at. */
export const WRITE_REASONS = {
  locked: (seconds: number) =>
    `Writes are blocked: another connection has held the database's write lock for over ${roundSeconds(seconds)} s. Find the long transaction, backup or other program holding it and end it.`,
  readOnly:
    'The database takes no writes: it is read-only. SQLite: check the permissions of the file and its folder, and that the disk is writable. PostgreSQL: point DATABASE_URL at the primary server, and check default_transaction_read_only.',
  full: 'The database takes no writes: its disk is full. Free space on it.',
  slow: (seconds: number) =>
    `A test write to the database did not finish within ${roundSeconds(seconds)} s: the database is overloaded, or a lock is held.`,
  failed: "A test write to the database failed; the database server's log says why.",
} as const;

function roundSeconds(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
