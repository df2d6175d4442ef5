import { Prisma } from '@/app/generated/prisma/sqlite/client';

// SocketTimeout is how the SQLite adapter reports SQLITE_BUSY, including SQLITE_BUSY_SNAPSHOT: with WAL, a
// transaction that read before another process (e.g. `npm run simulate`) wrote cannot write; a new one can.
const RETRYABLE_KINDS = ['UniqueConstraintViolation', 'TransactionWriteConflict', 'SocketTimeout'];

/**
 * True for failures that running the same transaction again resolves: a unique-index conflict
 * (another request stored the row first), a write conflict / deadlock, or a busy SQLite database.
 */
export function isRetryableDatabaseError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (['P2002', 'P2034'].includes(error.code)) return true;
  // Raw statements report driver errors as P2010 with the adapter's classification attached.
  const kind = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError
    ?.cause?.kind;
  return error.code === 'P2010' && kind !== undefined && RETRYABLE_KINDS.includes(kind);
}
