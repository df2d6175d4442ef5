import type { Database } from '@/app/lib/db/create-prisma-client';
import { PROBE_WRITE_SQL, WRITE_REASONS, type WriteProbe } from './write-probe';

/** Thrown inside the transaction to roll the test write back; reaching it means the write went through. */
class RollBack extends Error {}

/**
 * Proves PostgreSQL takes writes from this app's own connection pool: the test write in a
 * transaction that is always rolled back. lock_timeout and statement_timeout bound the wait on the
 * server, maxWait and timeout the wait for a pooled connection and the whole transaction.
 */
export async function probePostgresqlWrites({
  db,
  timeoutMs,
}: {
  db: Database;
  timeoutMs: number;
}): Promise<WriteProbe> {
  const milliseconds = Math.max(1, Math.floor(timeoutMs));
  try {
    await db.$transaction(
      async (transaction) => {
        // SET LOCAL takes no bind parameters; the value is a number this module computed. The lock wait ends
        // first, so a held lock is told apart from a slow server.
        await transaction.$executeRawUnsafe(`SET LOCAL lock_timeout = ${milliseconds}`);
        await transaction.$executeRawUnsafe(`SET LOCAL statement_timeout = ${milliseconds + 500}`);
        await transaction.$executeRawUnsafe(PROBE_WRITE_SQL);
        throw new RollBack();
      },
      { maxWait: milliseconds, timeout: milliseconds + 1_000 },
    );
    // Unreachable: the callback always throws.
    return { ok: false, reason: WRITE_REASONS.failed };
  } catch (error) {
    if (error instanceof RollBack) return { ok: true };
    return { ok: false, reason: describeFailure(error, milliseconds) };
  }
}

/** The SQLSTATE (or Prisma's code) of a failure, wherever Prisma's driver adapter put it. */
function errorCode(error: unknown): string {
  const record = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
  } | null;
  const cause = record?.meta?.driverAdapterError?.cause;
  for (const code of [cause?.originalCode, cause?.code, record?.code])
    if (typeof code === 'string' && code !== 'P2010') return code;
  return '';
}

function describeFailure(error: unknown, milliseconds: number): string {
  const code = errorCode(error);
  const seconds = milliseconds / 1000;
  // 25006 read_only_sql_transaction: a standby, or default_transaction_read_only.
  if (code === '25006') return WRITE_REASONS.readOnly;
  if (code === '53100') return WRITE_REASONS.full;
  if (code === '55P03') return WRITE_REASONS.locked(seconds);
  // 57014 query_canceled (statement_timeout); P2024, P2028: no pooled connection in time, or the transaction ran
  // out of time.
  if (['57014', 'P2024', 'P2028'].includes(code)) return WRITE_REASONS.slow(seconds);
  return WRITE_REASONS.failed;
}
