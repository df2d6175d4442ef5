import { Prisma } from '@/app/generated/prisma/sqlite/client';

const RETRYABLE_KINDS = ['UniqueConstraintViolation', 'TransactionWriteConflict'];

/**
 * True for failures that running the same transaction again resolves: a unique-index conflict
 * (another request stored the row first) or a write conflict / deadlock.
 */
export function isRetryableDatabaseError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (['P2002', 'P2034'].includes(error.code)) return true;
  // Raw statements report driver errors as P2010 with the adapter's classification attached.
  const kind = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError
    ?.cause?.kind;
  return error.code === 'P2010' && kind !== undefined && RETRYABLE_KINDS.includes(kind);
}
