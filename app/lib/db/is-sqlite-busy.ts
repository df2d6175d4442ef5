/**
 * True when better-sqlite3 failed because another connection holds the lock (SQLITE_BUSY, SQLITE_LOCKED and their
 * extended codes): connections that never wait inside SQLite try again after a pause instead.
 */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}
