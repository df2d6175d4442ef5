import type { AlertNotice } from '../alert-notice';
import { shortenLine } from './shorten-line';

const RULES_NAMED = 5;

/** Why the reader got this: which rule sent it to which channel, so they know what to change to hear less. */
export function describeAlertOrigin(options: { notices: readonly AlertNotice[]; channelName: string }): string {
  const rules = [...new Set(options.notices.map((notice) => notice.ruleDescription))];
  const named = rules
    .slice(0, RULES_NAMED)
    .map((description) => `"${shortenLine(description, 120)}"`)
    .join(', ');
  const more = rules.length > RULES_NAMED ? ` and ${rules.length - RULES_NAMED} more` : '';
  const ruleWords = rules.length === 1 ? `the alert rule ${named}` : `the alert rules ${named}${more}`;
  return `Sent by ${ruleWords} to the channel "${shortenLine(options.channelName, 100)}".`;
}
