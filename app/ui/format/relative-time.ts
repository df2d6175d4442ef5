import { formatDay } from './exact-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago something happened, e.g. "5 min ago". Past a month a date says more than "7 weeks ago". Times a little
 * ahead of `now` (clocks of two machines) count as "just now".
 */
export function formatRelativeTime(iso: string, now: Date, timeZone?: string): string {
  const elapsed = now.getTime() - Date.parse(iso);
  const distance = Math.abs(elapsed);
  if (!Number.isFinite(elapsed) || distance < 45_000) return 'just now';
  if (distance >= 30 * DAY) return formatDay(iso, timeZone);
  const amount =
    distance < HOUR
      ? `${Math.max(1, Math.floor(distance / MINUTE))} min`
      : distance < DAY
        ? `${Math.floor(distance / HOUR)} h`
        : `${Math.floor(distance / DAY)} ${Math.floor(distance / DAY) === 1 ? 'day' : 'days'}`;
  return elapsed > 0 ? `${amount} ago` : `in ${amount}`;
}
