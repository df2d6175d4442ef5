import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { AlertKind } from './alert-kinds';
import { alertRuleNotFound, type AlertFailure } from './alert-not-found';
import { toAlertRuleView, type AlertRuleView } from './alert-rule-view';
import { ALERT_KIND_PARAMETERS, type UpdateAlertRuleBody } from './alert-schemas';
import { checkAlertRuleReferences } from './check-alert-rule-references';

/** Changes a rule's channels, scope or timing, or pauses it (a paused rule raises nothing; alerts already raised stay). */
export async function updateAlertRule(options: {
  id: string;
  body: UpdateAlertRuleBody;
  now?: Date;
}): Promise<{ ok: true; rule: AlertRuleView } | AlertFailure> {
  const { id, body } = options;
  const existing = await prisma.alertRule.findUnique({ where: { id } });
  if (!existing) return alertRuleNotFound();
  const references = await checkAlertRuleReferences({ channelIds: body.channelIds, hookId: body.hookId });
  if (!references.ok) return references;
  const parameters = ALERT_KIND_PARAMETERS[existing.kind as AlertKind];
  for (const parameter of parameters) {
    if (body[parameter] === null) {
      return {
        ok: false,
        status: 400,
        code: 'invalid_rule',
        message: `A "${existing.kind}" rule needs "${parameter}": give a number instead of null.`,
      };
    }
  }
  const settable = (parameter: 'afterMinutes' | 'threshold' | 'windowMinutes') =>
    parameters.includes(parameter) && body[parameter] != null ? { [parameter]: body[parameter] } : {};
  const now = options.now ?? new Date();
  const row = await prisma.$transaction(async (tx) => {
    if (body.channelIds) {
      await tx.alertRuleChannel.deleteMany({ where: { ruleId: id } });
      await tx.alertRuleChannel.createMany({ data: body.channelIds.map((channelId) => ({ ruleId: id, channelId })) });
    }
    return tx.alertRule.update({
      where: { id },
      data: {
        ...(body.hookId !== undefined ? { hookId: body.hookId } : {}),
        ...(body.customValue !== undefined
          ? { customValueKey: body.customValue?.key ?? null, customValue: body.customValue?.value ?? null }
          : {}),
        ...settable('afterMinutes'),
        ...settable('threshold'),
        ...settable('windowMinutes'),
        ...(body.paused !== undefined ? { pausedAt: body.paused ? (existing.pausedAt ?? now) : null } : {}),
        // A new scope or wait is checked from the start again: envelopes now in reach may lie before the old mark.
        ...(body.hookId !== undefined || body.customValue !== undefined || body.afterMinutes != null
          ? { checkedUntil: null, checkedAfterId: null }
          : {}),
      },
      include: { channels: { select: { channelId: true } } },
    });
  });
  return { ok: true, rule: toAlertRuleView(row) };
}
