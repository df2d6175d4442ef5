import 'server-only';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { prisma } from '@/app/lib/db/prisma';
import { dayOf } from '@/app/lib/envelopes/rollups/time-slots';
import type { SlowRecipient } from './get-slowest-recipients';
import type { InsightsPeriod } from './resolve-insights-period';

/** Waits per page, and the most read from any one day for it. */
const PAGE = 20;

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
 * The period's next waits, longest first, after `after`: each UTC day of the period gives its own longest waits from
 * the (finishedDay, seconds, finishedAt, recipientId) index, starting where the last page ended (one row-value
 * comparison), and the page is the longest of those. Every read stays inside the period, so the cost follows the
 * number of days, not the data: walking all waits longest first read past every longer wait of other periods, which
 * grew with the whole table (most for the last 7 days, whose waits are the youngest).
 */
async function readWaits(db: Database, from: Date, to: Date, after: Wait | null): Promise<Wait[]> {
  const rows = await db.$queryRaw<
    { seconds: number | bigint; finishedAt: Date | string; recipientId: number | bigint; email: string }[]
  >(waitsPageSql({ from, to, after }));
  return rows.map((row) => ({
    seconds: Number(row.seconds),
    // A compound SELECT hands SQLite's DateTime back as stored (ISO text).
    finishedAt: new Date(row.finishedAt),
    recipientId: Number(row.recipientId),
    email: row.email,
  }));
}

/** One SELECT per day of the period (at most SQLite's 500 parts of a compound SELECT). */
const MAX_DAYS = 400;

/** The query of one page of waits (exported for the test of its plan). */
export function waitsPageSql(options: { from: Date; to: Date; after: Omit<Wait, 'email'> | null }): Prisma.Sql {
  const { from, to, after } = options;
  const firstDay = dayOf(from);
  const lastDay = dayOf(to);
  if (lastDay - firstDay + 1 > MAX_DAYS) throw new RangeError(`A period of at most ${MAX_DAYS} days is ranked.`);
  const afterLast = after
    ? Prisma.sql`AND ("seconds", "finishedAt", "recipientId") < (${after.seconds}, ${after.finishedAt}, ${after.recipientId})`
    : Prisma.empty;
  const days = Array.from({ length: lastDay - firstDay + 1 }, (_, index) => firstDay + index);
  // Only the first and the last day can hold waits outside the period.
  const inPeriod = Prisma.sql`AND "finishedAt" >= ${from} AND "finishedAt" <= ${to}`;
  const perDay = days.map(
    (day) => Prisma.sql`SELECT * FROM (
      SELECT "seconds", "finishedAt", "recipientId", "email" FROM "SignatureWait"
      WHERE "finishedDay" = ${day} ${day === firstDay || day === lastDay ? inPeriod : Prisma.empty} ${afterLast}
      ORDER BY "seconds" DESC, "finishedAt" DESC, "recipientId" DESC
      LIMIT ${PAGE}) AS ${Prisma.raw(`"day${day}"`)}`,
  );
  return Prisma.sql`${Prisma.join(perDay, ' UNION ALL ')}
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
