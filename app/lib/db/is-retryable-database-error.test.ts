import { describe, expect, it } from 'vitest';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { isRetryableDatabaseError } from './is-retryable-database-error';

function knownError(code: string, kind?: string) {
  return new Prisma.PrismaClientKnownRequestError('failed', {
    code,
    clientVersion: 'test',
    meta: kind ? { driverAdapterError: { cause: { kind } } } : undefined,
  });
}

describe('isRetryableDatabaseError', () => {
  it('retries unique-index conflicts and write conflicts, from the query builder and from raw SQL', () => {
    expect(isRetryableDatabaseError(knownError('P2002'))).toBe(true);
    expect(isRetryableDatabaseError(knownError('P2034'))).toBe(true);
    expect(isRetryableDatabaseError(knownError('P2010', 'UniqueConstraintViolation'))).toBe(true);
    expect(isRetryableDatabaseError(knownError('P2010', 'TransactionWriteConflict'))).toBe(true);
  });

  it('retries a busy SQLite database (another process wrote since the transaction read)', () => {
    expect(isRetryableDatabaseError(knownError('P2010', 'SocketTimeout'))).toBe(true);
  });

  it('does not retry other failures', () => {
    expect(isRetryableDatabaseError(knownError('P2010', 'DatabaseNotReachable'))).toBe(false);
    expect(isRetryableDatabaseError(knownError('P2025'))).toBe(false);
    expect(isRetryableDatabaseError(new Error('boom'))).toBe(false);
  });
});
