import type { AlertKind } from '@/app/lib/alerts/alert-kinds';
import { ALERT_KIND_PARAMETERS } from '@/app/lib/alerts/alert-schemas';
import { toDurationInput, toMinutes, type DurationInput } from './duration-input';

// The bounds the API checks (alert-schemas.ts); checked here first so the form can say which field is wrong.
const MAX_AFTER_MINUTES = 60 * 24 * 365;
const MAX_WINDOW_MINUTES = 60 * 24 * 30;
const MAX_THRESHOLD = 1_000_000;

/** A rule's timing as the form edits it. Every field is kept, so switching kinds back and forth loses nothing. */
export type RuleParametersInput = { afterMinutes: DurationInput; threshold: string; windowMinutes: DurationInput };

export type RuleParameters = { afterMinutes?: number; threshold?: number; windowMinutes?: number };

/** What the wait means for each kind that has one, as the field's label. */
export const AFTER_MINUTES_LABELS: Partial<Record<AlertKind, string>> = {
  stuck: 'No activity for',
  recipient_waiting: 'Not signed after',
  expiring: 'Expires within',
  silence: 'Nothing received for',
};

/** Starting values that make sense for each kind: three days stuck, a day of silence, ten refusals in an hour. */
const DEFAULT_AFTER_MINUTES: Partial<Record<AlertKind, number>> = {
  stuck: 3 * 24 * 60,
  recipient_waiting: 2 * 24 * 60,
  expiring: 3 * 24 * 60,
  silence: 24 * 60,
};

export function defaultRuleParameters(kind: AlertKind): RuleParametersInput {
  return {
    afterMinutes: toDurationInput(DEFAULT_AFTER_MINUTES[kind] ?? 3 * 24 * 60),
    threshold: '10',
    windowMinutes: toDurationInput(60),
  };
}

/** The form's values for a stored rule, defaults where the kind has no such setting. */
export function ruleParametersInput(rule: {
  kind: AlertKind;
  afterMinutes: number | null;
  threshold: number | null;
  windowMinutes: number | null;
}): RuleParametersInput {
  const defaults = defaultRuleParameters(rule.kind);
  return {
    afterMinutes: rule.afterMinutes === null ? defaults.afterMinutes : toDurationInput(rule.afterMinutes),
    threshold: rule.threshold === null ? defaults.threshold : String(rule.threshold),
    windowMinutes: rule.windowMinutes === null ? defaults.windowMinutes : toDurationInput(rule.windowMinutes),
  };
}

/** The settings the kind needs, ready for the API, or what to correct. Settings the kind does not use are left out. */
export function readRuleParameters(
  kind: AlertKind,
  input: RuleParametersInput,
): { ok: true; value: RuleParameters } | { ok: false; message: string } {
  const value: RuleParameters = {};
  for (const parameter of ALERT_KIND_PARAMETERS[kind]) {
    if (parameter === 'afterMinutes') {
      const minutes = toMinutes(input.afterMinutes, MAX_AFTER_MINUTES);
      if (minutes === null) {
        return {
          ok: false,
          message: `${AFTER_MINUTES_LABELS[kind] ?? 'The wait'}: give a time from 1 minute to 365 days.`,
        };
      }
      value.afterMinutes = minutes;
    } else if (parameter === 'windowMinutes') {
      const minutes = toMinutes(input.windowMinutes, MAX_WINDOW_MINUTES);
      if (minutes === null) return { ok: false, message: 'Within: give a time from 1 minute to 30 days.' };
      value.windowMinutes = minutes;
    } else {
      const text = input.threshold.trim();
      const threshold = /^\d{1,7}$/.test(text) ? Number(text) : 0;
      if (threshold < 1 || threshold > MAX_THRESHOLD) {
        return { ok: false, message: 'Refused notifications: give a whole number from 1 to 1,000,000.' };
      }
      value.threshold = threshold;
    }
  }
  return { ok: true, value };
}
