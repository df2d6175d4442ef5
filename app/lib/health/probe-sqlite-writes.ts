import Database from 'better-sqlite3';
import { isSqliteBusy } from '@/app/lib/db/is-sqlite-busy';
import { PROBE_WRITE_SQL, WRITE_REASONS, type WriteProbe } from './write-probe';

const RETRY_EVERY_MS = 50;

/**
 * Proves the SQLite file takes writes: BEGIN IMMEDIATE (the write lock), the test write, ROLLBACK.
 *
 * On a connection of its own with no busy timeout, retried asynchronously until `timeoutMs`: the
 * app's connection waits up to 10 s for the lock, and better-sqlite3 waits synchronously, blocking
 * the whole process, so a probe on it could neither answer in time nor let this process's own
 * transaction (the lock holder, perhaps) finish. A new connection per probe also follows the file
 * if it is replaced. It is the same library as the app's, so the two share SQLite's locking.
 */
export async function probeSqliteWrites({
  filePath,
  timeoutMs,
}: {
  filePath: string;
  timeoutMs: number;
}): Promise<WriteProbe> {
  const deadline = Date.now() + timeoutMs;
  let connection: Database.Database | undefined;
  try {
    connection = new Database(filePath, { fileMustExist: true, timeout: 0 });
    for (;;) {
      try {
        tryWrite(connection);
        return { ok: true };
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() + RETRY_EVERY_MS > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
      }
    }
  } catch (error) {
    return { ok: false, reason: describeFailure(error, timeoutMs) };
  } finally {
    connection?.close();
  }
}

function tryWrite(connection: Database.Database): void {
  connection.exec('BEGIN IMMEDIATE');
  try {
    connection.prepare(PROBE_WRITE_SQL).run();
  } finally {
    // SQLite may have rolled back by itself after an I/O error.
    if (connection.inTransaction) connection.exec('ROLLBACK');
  }
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const code = sqliteCode(error);
  if (isSqliteBusy(error)) return WRITE_REASONS.locked(timeoutMs / 1000);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return WRITE_REASONS.readOnly;
  if (code === 'SQLITE_FULL') return WRITE_REASONS.full;
  return WRITE_REASONS.failed;
}
