import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toAlertRuleView, type AlertRuleView } from './alert-rule-view';

export async function getAlertRule(options: { id: string }): Promise<AlertRuleView | null> {
  const row = await prisma.alertRule.findUnique({
    where: { id: options.id },
    include: { channels: { select: { channelId: true } } },
  });
  return row ? toAlertRuleView(row) : null;
}
