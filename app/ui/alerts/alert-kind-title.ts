import type { AlertKind } from '@/app/lib/alerts/alert-kinds';
import { ALERT_KIND_TITLES } from '@/app/lib/alerts/describe-alert-rule';

/** The title of a history entry's kind: a rule's kind, or "digest" for a channel's daily summary. */
export function alertKindTitle(kind: string): string {
  if (kind === 'digest') return 'Daily summary';
  return Object.hasOwn(ALERT_KIND_TITLES, kind) ? ALERT_KIND_TITLES[kind as AlertKind] : kind;
}
