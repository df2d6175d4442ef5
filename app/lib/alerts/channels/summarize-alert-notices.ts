import type { AlertNotice } from '../alert-notice';
import { shortenLine } from './shorten-line';

const NAME_CHARS = 80;
const SUMMARY_CHARS = 160;

/**
 * The one line a message is known by (e-mail subject, Slack notification, Teams card fallback), unescaped: for one
 * envelope its title, name and id (the name alone is ambiguous, the id alone unreadable); for an alert about no envelope
 * (silence, refusals) its summary; for several, how many and the first. Test envelopes are marked "[test]".
 */
export function summarizeAlertNotices(notices: readonly AlertNotice[]): string {
  const first = notices[0];
  if (!first) return 'No alerts';
  const test = notices.every((notice) => notice.test) ? '[test] ' : '';
  if (notices.length > 1) {
    return `${test}${notices.length} alerts: ${shortenLine(first.summary, SUMMARY_CHARS)}, …`;
  }
  if (!first.envelope) return `${test}${shortenLine(first.summary, SUMMARY_CHARS)}`;
  const { id, name } = first.envelope;
  const shownId = shortenLine(id, NAME_CHARS);
  const named =
    name && name.trim() !== '' && name.trim() !== id ? `${shortenLine(name, NAME_CHARS)} (${shownId})` : shownId;
  return `${test}${shortenLine(first.title, NAME_CHARS)}: ${named}`;
}
