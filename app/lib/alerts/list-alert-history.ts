import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { ALERT_HISTORY_INCLUDE, toAlertHistoryItem, type AlertHistoryItem } from './alert-history-item';
import type { AlertHistoryQuery } from './alert-schemas';

/** The alerts sent or waiting, newest first, filtered by rule, channel or envelope; nextCursor continues older. */
export async function listAlertHistory(
  query: AlertHistoryQuery,
): Promise<{ items: AlertHistoryItem[]; nextCursor: string | null }> {
  const rows = await prisma.alertDelivery.findMany({
    where: {
      ...(query.rule ? { ruleId: query.rule } : {}),
      ...(query.channel ? { channelId: query.channel } : {}),
      ...(query.envelope ? { envelopeId: query.envelope } : {}),
      ...(query.cursor !== undefined ? { id: { lt: query.cursor } } : {}),
    },
    orderBy: { id: 'desc' },
    take: query.limit + 1,
    include: ALERT_HISTORY_INCLUDE,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAlertHistoryItem),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}
