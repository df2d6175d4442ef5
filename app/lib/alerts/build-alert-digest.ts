import 'server-only';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { envelopeDisplayName } from '@/app/lib/envelopes/envelope-display-name';
import { envelopeUrls } from '@/app/lib/envelopes/envelope-urls';
import { OPEN_STATUSES, statusLabel, statusesWithOutcome } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import type { DigestNotice, DigestSection } from './alert-notice';
import { formatAlertTime } from './describe-alert';
import { addDays, startOfLocalDay } from '@/app/lib/format/local-day';

const ITEMS_PER_SECTION = 10;
const EXPIRING_WITHIN_MS = 3 * 86_400_000;

type Listed = {
  id: string;
  name: string | null;
  customValues: unknown;
  status: (typeof OPEN_STATUSES)[number] | string;
  waitingOnEmail?: string | null;
  waitingOnName?: string | null;
  waitingSince?: Date | null;
  expiresAt?: Date | null;
};

/**
 * A channel's daily summary for the local day `date`: what is waiting (longest first), what ended badly the day
 * before, and what expires within three days, each with links. Test envelopes are left out.
 */
export async function buildAlertDigest(options: {
  deliveryId: number;
  channel: { name: string; digestTimeZone: string | null };
  date: string;
  now: Date;
}): Promise<DigestNotice> {
  const { now, date } = options;
  const timeZone = options.channel.digestTimeZone ?? 'UTC';
  const base = getPublicUrl().replace(/\/+$/, '');
  const link = (id: string) => envelopeUrls(id, base).page;
  const open = { status: { in: OPEN_STATUSES }, isTest: false };
  const yesterdayStart = startOfLocalDay(addDays(date, -1), timeZone);
  const todayStart = startOfLocalDay(date, timeZone);
  const endedBadly = {
    status: { in: [...statusesWithOutcome('declined'), ...statusesWithOutcome('lapsed')] },
    isTest: false,
    finishedAt: { gte: yesterdayStart, lt: todayStart },
  };
  const expiring = { ...open, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRING_WITHIN_MS) } };
  const select = {
    id: true,
    name: true,
    customValues: true,
    status: true,
    waitingOnEmail: true,
    waitingOnName: true,
    waitingSince: true,
    expiresAt: true,
  } as const;
  const [waiting, waitingCount, ended, endedCount, soon, soonCount] = await Promise.all([
    prisma.envelope.findMany({
      where: { ...open, waitingSince: { not: null } },
      orderBy: [{ waitingSince: 'asc' }, { id: 'asc' }],
      take: ITEMS_PER_SECTION,
      select,
    }),
    prisma.envelope.count({ where: { ...open, waitingSince: { not: null } } }),
    prisma.envelope.findMany({ where: endedBadly, orderBy: [{ finishedAt: 'asc' }], take: ITEMS_PER_SECTION, select }),
    prisma.envelope.count({ where: endedBadly }),
    prisma.envelope.findMany({
      where: expiring,
      orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
      take: ITEMS_PER_SECTION,
      select,
    }),
    prisma.envelope.count({ where: expiring }),
  ]);
  const name = (envelope: Listed) =>
    envelopeDisplayName({ ...envelope, customValues: parseStringRecord(envelope.customValues) });
  const section = (title: string, rows: Listed[], total: number, words: (row: Listed) => string): DigestSection => ({
    title,
    items: rows.map((row) => ({ summary: words(row), url: link(row.id) })),
    more: Math.max(0, total - rows.length),
  });
  return {
    deliveryId: options.deliveryId,
    channelName: options.channel.name,
    date,
    timeZone,
    dashboardUrl: base,
    sections: [
      section('Waiting for signatures', waiting, waitingCount, (row) => {
        const who = row.waitingOnName || row.waitingOnEmail || 'a recipient';
        return `${name(row)}: waiting for ${who} since ${formatAlertTime(row.waitingSince!)}`;
      }),
      section(
        'Ended badly yesterday',
        ended,
        endedCount,
        (row) => `${name(row)}: ${statusLabel(row.status as (typeof OPEN_STATUSES)[number])}`,
      ),
      section(
        'Expiring within 3 days',
        soon,
        soonCount,
        (row) => `${name(row)}: expires ${formatAlertTime(row.expiresAt!)}`,
      ),
    ],
  };
}
