import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import type { DatabaseProvider } from '@/app/lib/db/database-config';
import { prisma } from '@/app/lib/db/prisma';
import { foldRollupChanges } from './fold-rollup-changes';

/** More than this many changed envelopes is a backlog (right after the migration): a read does not wait for it. */
const READ_FOLD_LIMIT = 5_000;

let folding: Promise<boolean> | null = null;

/**
 * Folds what is pending so a read sees every committed change (the background fold usually leaves nothing). False
 * when a backlog remains: the reader then counts from the envelopes themselves.
 */
export async function bringRollupsUpToDate(options: { db?: Database; provider?: DatabaseProvider } = {}) {
  const db = options.db ?? prisma;
  const next = await db.rollupChange.findFirst({ select: { seq: true } });
  if (!next) return true;
  if (options.db) return !(await foldRollupChanges({ ...options, limit: READ_FOLD_LIMIT })).pending;
  // Readers arriving together share one fold instead of queueing behind each other's.
  folding ??= foldRollupChanges({ limit: READ_FOLD_LIMIT })
    .then(({ pending }) => !pending)
    .finally(() => (folding = null));
  return folding;
}
