import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toAlertRuleView, type AlertRuleView } from './alert-rule-view';

/** Every alert rule, oldest first. */
export async function listAlertRules(): Promise<AlertRuleView[]> {
  const rows = await prisma.alertRule.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { channels: { select: { channelId: true } } },
  });
  return rows.map(toAlertRuleView);
}
