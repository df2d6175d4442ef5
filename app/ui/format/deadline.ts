import { formatRelativeTime } from './relative-time';

/** Within this many days an open envelope's deadline is highlighted. */
export const DEADLINE_SOON_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Deadline = { text: string; tone: 'expired' | 'soon' | 'later' };

/**
 * An envelope's deadline as a list says it: "expires in 2 days" (soon within three days), "expired 3 h ago" once
 * passed or for an expired envelope. Nothing for an unknown deadline, or one that no longer matters (an envelope
 * completed, rejected or canceled).
 */
export function describeDeadline(
  envelope: { expiresAt: string | null; status: string; open: boolean },
  now: Date,
  timeZone?: string,
): Deadline | null {
  if (!envelope.expiresAt) return null;
  const left = Date.parse(envelope.expiresAt) - now.getTime();
  if (envelope.status === 'expired' || (envelope.open && left <= 0)) {
    return { text: `expired ${pastTense(formatRelativeTime(envelope.expiresAt, now, timeZone))}`, tone: 'expired' };
  }
  if (!envelope.open) return null;
  const text = formatRelativeTime(envelope.expiresAt, now, timeZone);
  return {
    text: `expires ${text.startsWith('in ') || text === 'just now' ? text.replace('just now', 'now') : `on ${text}`}`,
    tone: left <= DEADLINE_SOON_DAYS * DAY_MS ? 'soon' : 'later',
  };
}

/** "2 days ago" stays; a date (far past) reads "on 3 Jan 2025"; "in 5 min" (clocks apart) reads "just now". */
function pastTense(relative: string): string {
  if (relative.endsWith(' ago') || relative === 'just now') return relative;
  if (relative.startsWith('in ')) return 'just now';
  return `on ${relative}`;
}
