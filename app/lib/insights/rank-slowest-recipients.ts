import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import type { SlowRecipient } from './get-slowest-recipients';
import type { InsightsPeriod } from './resolve-insights-period';

const PAGE = 200;

/**
 * The recipients with the longest average wait over the period's signatures (see getSlowestRecipients), from
 * SignatureWait without grouping every signature of the period: signatures are read longest first, and each new
 * e-mail's own average is worked out. No recipient's average exceeds their longest wait, so once the next wait is
 * shorter than the tenth-best average, nobody left can enter the list.
 */
export async function rankSlowestRecipients(options: {
  period: InsightsPeriod;
  db?: Database;
  limit?: number;
}): Promise<SlowRecipient[]> {
  const db = options.db ?? prisma;
  const { from, to } = options.period;
  const limit = options.limit ?? 10;
  const best: SlowRecipient[] = [];
  const seen = new Set<string>();
  let after: Wait | null = null;
  for (;;) {
    const page = await readWaits(db, from, to, after);
    for (const wait of page) {
      const threshold = best.length === limit ? best.at(-1)!.averageSeconds : -1;
      // An equal average can still win on the e-mail's order, so only a shorter wait ends the search.
      if (wait.seconds < threshold) return best;
      if (seen.has(wait.email)) continue;
      seen.add(wait.email);
      best.push(await recipientStats(db, wait.email, from, to));
      best.sort((a, b) => b.averageSeconds - a.averageSeconds || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
      if (best.length > limit) best.pop();
    }
    if (page.length < PAGE) return best;
    after = page.at(-1)!;
  }
}

type Wait = { seconds: number; finishedAt: Date; recipientId: number; email: string };

/**
 * The period's next waits, longest first, after `after`. The order is the (seconds, finishedAt) index's own, with the
 * id last, and the page starts where the last ended by one row-value comparison: both databases then walk the index
 * from that point. (A page after "seconds < x OR (seconds = x AND id < y)" read every shorter wait of all time and
 * sorted the period's, which grew with the whole table.)
 */
async function readWaits(db: Database, from: Date, to: Date, after: Wait | null): Promise<Wait[]> {
  const rows = await db.$queryRaw<
    { seconds: number | bigint; finishedAt: Date; recipientId: number | bigint; email: string }[]
  >(waitsPageSql({ from, to, after }));
  return rows.map((row) => ({
    seconds: Number(row.seconds),
    finishedAt: row.finishedAt,
    recipientId: Number(row.recipientId),
    email: row.email,
  }));
}

/** The query of one page of waits (exported for the test of its plan). */
export function waitsPageSql(options: { from: Date; to: Date; after: Omit<Wait, 'email'> | null }): Prisma.Sql {
  const { from, to, after } = options;
  const afterLast = after
    ? Prisma.sql`AND ("seconds", "finishedAt", "recipientId") < (${after.seconds}, ${after.finishedAt}, ${after.recipientId})`
    : Prisma.empty;
  return Prisma.sql`
    SELECT "seconds", "finishedAt", "recipientId", "email" FROM "SignatureWait"
    WHERE "finishedAt" >= ${from} AND "finishedAt" <= ${to} ${afterLast}
    ORDER BY "seconds" DESC, "finishedAt" DESC, "recipientId" DESC
    LIMIT ${PAGE}`;
}

async function recipientStats(db: Database, email: string, from: Date, to: Date): Promise<SlowRecipient> {
  const rows = await db.signatureWait.findMany({
    where: { email, finishedAt: { gte: from, lte: to } },
    select: { seconds: true, name: true },
  });
  const total = rows.reduce((sum, row) => sum + row.seconds, 0);
  const names = rows.map((row) => row.name).filter((name): name is string => name !== null);
  return {
    email,
    // MAX(name), as the count from the envelopes takes it.
    name: names.length === 0 ? null : names.reduce((a, b) => (b > a ? b : a)),
    signatures: rows.length,
    averageSeconds: Math.round(total / rows.length),
    longestSeconds: Math.max(...rows.map((row) => row.seconds)),
  };
}
