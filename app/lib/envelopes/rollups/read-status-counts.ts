import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import type { StatusCounts } from '../envelope-list-schema';
import { ENVELOPE_STATUSES } from '../lifecycle/envelope-statuses';

/**
 * Open envelopes quiet for up to this many days are counted as the rollup's open envelopes less those active since:
 * fewer rows to read than the quiet ones, since open envelopes are mostly recent (they expire).
 */
export const COUNT_ACTIVE_UP_TO_DAYS = 30;

/** Envelopes per status from the rollup (bring it up to date first), for one hook or all, tests in or out. */
export async function readStatusCounts(options: {
  hookId?: string;
  includeTests: boolean;
  db?: Database;
}): Promise<StatusCounts> {
  const db = options.db ?? prisma;
  const rows = await db.statusCount.groupBy({
    by: ['status'],
    where: {
      ...(options.hookId ? { hookId: options.hookId } : {}),
      ...(options.includeTests ? {} : { isTest: false }),
    },
    _sum: { count: true },
  });
  const counts = Object.fromEntries(ENVELOPE_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = row._sum.count ?? 0;
  return counts;
}
