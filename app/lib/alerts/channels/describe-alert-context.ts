import type { AlertNotice } from '../alert-notice';
import { ENVELOPE_STATUSES, statusLabel, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { shortenLine } from './shorten-line';

/** "Partially signed" rather than "partially_signed"; an unknown value as it came. */
const statusWords = (status: string) =>
  ENVELOPE_STATUSES.includes(status as EnvelopeStatus)
    ? statusLabel(status as EnvelopeStatus).toLowerCase()
    : shortenLine(status, PART_CHARS);

const PART_CHARS = 100;

/**
 * The small print under a notice, as separate parts: which envelope (by id, which the summary may not show), its
 * status, the hook it came through and when it was raised, in UTC (the reader's time zone is not known).
 */
export function describeAlertContext(notice: AlertNotice): string[] {
  const parts: string[] = [];
  if (notice.envelope) {
    parts.push(`Envelope ${shortenLine(notice.envelope.id, PART_CHARS)}`);
    if (notice.envelope.status) parts.push(`status ${statusWords(notice.envelope.status)}`);
  }
  if (notice.hookName) parts.push(`hook ${shortenLine(notice.hookName, PART_CHARS)}`);
  parts.push(`raised ${notice.raisedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  if (notice.test) parts.push('test envelope');
  return parts;
}
