import type { DayCount } from '@/app/lib/insights/count-by-local-day';
import type { SigningFunnel } from '@/app/lib/insights/get-signing-funnel';
import type { OpenToCompletionDistribution } from '@/app/lib/insights/get-open-to-completion-distribution';
import type { SlowRecipient } from '@/app/lib/insights/get-slowest-recipients';
import { countLabel } from '@/app/lib/format/count-label';
import { formatDuration } from '@/app/ui/format/duration';
import { recipientDisplayName } from './duration-axis';

// The sentences next to each chart: what a reader would say after looking at it, for everyone who cannot or would
// rather not read the picture. Pure, so server and browser print the same words.

const dayLabelFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const longDayLabelFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "29 Nov" for a "2025-11-29" day key (the key is already a local day, so it is printed as is). */
export function dayLabel(day: string): string {
  return dayLabelFormat.format(Date.parse(`${day}T00:00:00Z`));
}

/** "Sat, 29 Nov 2025" for tables and tooltips. */
export function longDayLabel(day: string): string {
  return longDayLabelFormat.format(Date.parse(`${day}T00:00:00Z`));
}

/** A duration for a sentence: "3 h 5 min", or "under a second". */
export function durationInWords(seconds: number): string {
  return seconds < 1 ? 'under a second' : formatDuration(seconds * 1000);
}

export function periodLabel(days: number): string {
  return days === 1 ? 'the last day' : `the last ${days} days`;
}

/** Whole per cent of a part, or 0 of nothing. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export function summarizeCompletedPerDay(days: DayCount[]): string {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const period = periodLabel(days.length);
  if (total === 0) return `No envelope was completed in ${period}.`;
  const busiest = days.reduce((best, day) => (day.count > best.count ? day : best));
  const activeDays = days.filter((day) => day.count > 0).length;
  return (
    `${countLabel(total, 'envelope')} completed in ${period}, on ${countLabel(activeDays, 'day')}. ` +
    `The busiest day was ${longDayLabel(busiest.day)} with ${busiest.count}.`
  );
}

export function summarizeFunnel(funnel: SigningFunnel, periodDays: number): string {
  if (funnel.invited === 0) return `No envelope was sent in ${periodLabel(periodDays)}.`;
  const share = (count: number) => `${count} (${percentOf(count, funnel.invited)}%)`;
  const endings = [
    funnel.rejected > 0 ? `${funnel.rejected} rejected` : null,
    funnel.expired > 0 ? `${funnel.expired} expired or canceled` : null,
  ].filter(Boolean);
  return (
    `Of ${countLabel(funnel.invited, 'envelope')} sent in ${periodLabel(periodDays)}, ${share(funnel.opened)} were opened, ` +
    `${share(funnel.signed)} signed by at least one recipient and ${share(funnel.completed)} completed.` +
    (endings.length > 0 ? ` ${endings.join(' and ')}.` : '')
  );
}

export function summarizeOpenToCompletion(distribution: OpenToCompletionDistribution, periodDays: number): string {
  if (distribution.total === 0 || distribution.medianSeconds === null) {
    return `No envelope completed in ${periodLabel(periodDays)} had a recorded first open.`;
  }
  if (distribution.total === 1) {
    return `1 envelope completed, ${durationInWords(distribution.medianSeconds)} after it was first opened.`;
  }
  const largest = distribution.buckets.reduce((best, bucket) => (bucket.count > best.count ? bucket : best));
  return (
    `Half of the ${distribution.total} envelopes completed within ${durationInWords(distribution.medianSeconds)} ` +
    `of being first opened. The most common range is ${largest.label.toLowerCase()} (${largest.count}).`
  );
}

export function summarizeSlowestRecipients(recipients: SlowRecipient[], periodDays: number): string {
  const slowest = recipients[0];
  if (!slowest) return `Nobody signed in ${periodLabel(periodDays)}.`;
  const who = recipientDisplayName(slowest);
  if (slowest.signatures === 1) {
    return `${who} took longest: ${durationInWords(slowest.averageSeconds)} to sign.`;
  }
  return (
    `${who} took longest: ${durationInWords(slowest.averageSeconds)} on average over ${slowest.signatures} ` +
    `signatures (longest ${durationInWords(slowest.longestSeconds)}).`
  );
}

export function summarizeStuck(total: number, stuckDays: number): string {
  if (stuckDays === 0) {
    return total === 0
      ? 'No open envelope is waiting for a recipient.'
      : `${countLabel(total, 'open envelope')} ${total === 1 ? 'is' : 'are'} waiting for a recipient.`;
  }
  const idle = `for more than ${countLabel(stuckDays, 'day')}`;
  if (total === 0) return `No open envelope has been without activity ${idle}.`;
  return `${countLabel(total, 'open envelope')} ${total === 1 ? 'has' : 'have'} had no activity ${idle}.`;
}
