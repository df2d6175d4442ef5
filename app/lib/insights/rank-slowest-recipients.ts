import 'server-only';
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
  let cursor: { seconds: number; recipientId: number } | null = null;
  for (;;) {
    const page: { seconds: number; recipientId: number; email: string }[] = await db.signatureWait.findMany({
      where: {
        finishedAt: { gte: from, lte: to },
        ...(cursor
          ? {
              OR: [
                { seconds: { lt: cursor.seconds } },
                { seconds: cursor.seconds, recipientId: { lt: cursor.recipientId } },
              ],
            }
          : {}),
      },
      orderBy: [{ seconds: 'desc' }, { recipientId: 'desc' }],
      take: PAGE,
      select: { seconds: true, recipientId: true, email: true },
    });
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
    const last = page.at(-1)!;
    cursor = { seconds: last.seconds, recipientId: last.recipientId };
  }
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
