import { envelopeUrls } from '@/app/lib/envelopes/envelope-urls';
import type { AlertKind } from './alert-kinds';
import type { AlertNotice } from './alert-notice';
import type { AlertWords } from './describe-alert';
import { ALERT_KIND_TITLES, describeAlertRule } from './describe-alert-rule';

/** An alert as a channel's message tells it, for one of its deliveries. */
export function toAlertNotice(
  deliveryId: number,
  alert: { id: number; ruleId: string; kind: string; summary: string; details: unknown; raisedAt: Date },
  rule: { afterMinutes: number | null; threshold: number | null; windowMinutes: number | null },
): AlertNotice {
  const details = alert.details as AlertWords['details'];
  const kind = alert.kind as AlertKind;
  return {
    deliveryId,
    alertId: alert.id,
    ruleId: alert.ruleId,
    ruleDescription: describeAlertRule({ ...rule, kind }),
    kind,
    title: ALERT_KIND_TITLES[kind],
    summary: alert.summary,
    details: details.lines ?? [],
    envelope: details.envelope ? { ...details.envelope, url: envelopeUrls(details.envelope.id).page } : null,
    hookName: details.hookName ?? null,
    raisedAt: alert.raisedAt,
    test: details.test === true,
  };
}
