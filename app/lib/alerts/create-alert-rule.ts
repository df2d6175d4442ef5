import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { ALERT_EVALUATOR_ROW, readAlertEvaluatorState } from './alert-evaluator-state';
import { newAlertRuleId } from './alert-ids';
import { MAX_ALERT_RULES, tooManyAlertRules } from './alert-limits';
import type { AlertFailure } from './alert-not-found';
import { toAlertRuleView, type AlertRuleView } from './alert-rule-view';
import { ALERT_KIND_PARAMETERS, type CreateAlertRuleBody } from './alert-schemas';
import { checkAlertRuleReferences } from './check-alert-rule-references';

/**
 * A new rule. It watches from now on: change-feed events before it raise nothing, conditions that already hold
 * (an envelope stuck for a week) raise at the next check.
 */
export async function createAlertRule(options: {
  body: CreateAlertRuleBody;
  now?: Date;
  /** The most there may be; MAX_ALERT_RULES unless told. */
  maxRules?: number;
}): Promise<{ ok: true; rule: AlertRuleView } | AlertFailure> {
  const { body } = options;
  const limit = options.maxRules ?? MAX_ALERT_RULES;
  if ((await prisma.alertRule.count()) >= limit) return tooManyAlertRules(limit);
  const references = await checkAlertRuleReferences({ channelIds: body.channelIds, hookId: body.hookId });
  if (!references.ok) return references;
  const now = options.now ?? new Date();
  const newest = await prisma.feedEvent.findFirst({ orderBy: { position: 'desc' }, select: { position: true } });
  const parameters = ALERT_KIND_PARAMETERS[body.kind];
  const row = await prisma.alertRule.create({
    data: {
      id: newAlertRuleId(),
      kind: body.kind,
      hookId: body.hookId ?? null,
      customValueKey: body.customValue?.key ?? null,
      customValue: body.customValue?.value ?? null,
      // Only what the kind uses is kept, so a rule never shows a setting that does nothing.
      afterMinutes: parameters.includes('afterMinutes') ? (body.afterMinutes ?? null) : null,
      threshold: parameters.includes('threshold') ? (body.threshold ?? null) : null,
      windowMinutes: parameters.includes('windowMinutes') ? (body.windowMinutes ?? null) : null,
      pausedAt: body.paused ? now : null,
      createdAt: now,
      startPosition: newest?.position ?? 0,
      channels: { create: body.channelIds.map((channelId) => ({ channelId })) },
    },
    include: { channels: { select: { channelId: true } } },
  });
  // The first rule starts the evaluator at the feed's end instead of reading the history no rule wanted.
  if ((await prisma.alertRule.count()) === 1) {
    await readAlertEvaluatorState();
    await prisma.alertEvaluator.updateMany({
      where: { id: ALERT_EVALUATOR_ROW, feedPosition: { lt: row.startPosition } },
      data: { feedPosition: row.startPosition },
    });
  }
  return { ok: true, rule: toAlertRuleView(row) };
}
