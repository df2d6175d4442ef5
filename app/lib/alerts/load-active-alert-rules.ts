import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { AlertKind } from './alert-kinds';
import type { RaisingRule } from './raise-alerts';

/** A rule the evaluator applies: not paused, with its scope and timing. */
export type ActiveAlertRule = RaisingRule & {
  hookId: string | null;
  customValueKey: string | null;
  customValue: string | null;
  afterMinutes: number | null;
  threshold: number | null;
  windowMinutes: number | null;
  startPosition: number;
  checkedUntil: Date | null;
  checkedAfterId: string | null;
};

export async function loadActiveAlertRules(options: { kinds: readonly AlertKind[] }): Promise<ActiveAlertRule[]> {
  const rows = await prisma.alertRule.findMany({
    where: { pausedAt: null, kind: { in: [...options.kinds] } },
    include: { channels: { select: { channel: { select: { id: true, sendsAlerts: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as AlertKind,
    channels: row.channels.map((link) => link.channel),
    hookId: row.hookId,
    customValueKey: row.customValueKey,
    customValue: row.customValue,
    afterMinutes: row.afterMinutes,
    threshold: row.threshold,
    windowMinutes: row.windowMinutes,
    startPosition: row.startPosition,
    checkedUntil: row.checkedUntil,
    checkedAfterId: row.checkedAfterId,
  }));
}

/** Whether an envelope with these custom values and this hook is in the rule's scope. */
export function isInAlertRuleScope(
  rule: Pick<ActiveAlertRule, 'hookId' | 'customValueKey' | 'customValue'>,
  envelope: { hookId: string | null; customValues: Record<string, string> },
): boolean {
  if (rule.hookId && envelope.hookId !== rule.hookId) return false;
  if (rule.customValueKey === null) return true;
  // Custom value keys arrive in any case from the signing service; values are compared as given.
  const wanted = rule.customValueKey.toLowerCase();
  const key = Object.keys(envelope.customValues).find((candidate) => candidate.toLowerCase() === wanted);
  return key !== undefined && envelope.customValues[key] === (rule.customValue ?? '');
}
