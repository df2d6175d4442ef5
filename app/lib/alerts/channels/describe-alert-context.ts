import type { AlertNotice } from '../alert-notice';
import { shortenLine } from './shorten-line';

const PART_CHARS = 100;

/**
 * The small print under a notice, as separate parts: which envelope (by id, which the summary may not show), its
 * status, the hook it came through and when it was raised, in UTC (the reader's time zone is not known).
 */
export function describeAlertContext(notice: AlertNotice): string[] {
  const parts: string[] = [];
  if (notice.envelope) {
    parts.push(`Envelope ${shortenLine(notice.envelope.id, PART_CHARS)}`);
    if (notice.envelope.status) parts.push(`status ${shortenLine(notice.envelope.status, PART_CHARS)}`);
  }
  if (notice.hookName) parts.push(`hook ${shortenLine(notice.hookName, PART_CHARS)}`);
  parts.push(`raised ${notice.raisedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  if (notice.test) parts.push('test envelope');
  return parts;
}
