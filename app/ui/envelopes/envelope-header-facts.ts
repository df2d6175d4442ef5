// Pure helpers of the envelope page's header: how soon it expires, and what a reminder did.

const DAY_MS = 86_400_000;
/** An expiry this close is highlighted. */
export const EXPIRY_WARNING_DAYS = 3;

export type ExpiryNote = { text: string; soon: boolean };

/**
 * "Expires in 17 days" for an open envelope with an expiry (days rounded up, so "in 1 day" until the last moment),
 * highlighted within EXPIRY_WARNING_DAYS; "Expiry date passed" once it is past; null when there is nothing to say.
 */
export function expiryNote(expiresAt: string | null, now: Date, open: boolean): ExpiryNote | null {
  if (!expiresAt || !open) return null;
  const remaining = Date.parse(expiresAt) - now.getTime();
  if (Number.isNaN(remaining)) return null;
  if (remaining <= 0) return { text: 'Expiry date passed', soon: true };
  const days = Math.ceil(remaining / DAY_MS);
  return { text: `Expires in ${days} ${days === 1 ? 'day' : 'days'}`, soon: remaining <= EXPIRY_WARNING_DAYS * DAY_MS };
}

export type ReminderCounts = { reminded: number; skippedRateLimit: number; skippedDisabledEmail: number };

/** "Reminded 1 recipient; 1 skipped (rate limit)." — what the signing service did with the reminder. */
export function describeReminder(counts: ReminderCounts): string {
  const reminded = `Reminded ${counts.reminded} ${counts.reminded === 1 ? 'recipient' : 'recipients'}`;
  const skipped = [
    counts.skippedRateLimit > 0 ? `${counts.skippedRateLimit} skipped (rate limit)` : null,
    counts.skippedDisabledEmail > 0 ? `${counts.skippedDisabledEmail} skipped (e-mail disabled)` : null,
  ].filter((part): part is string => part !== null);
  return `${[reminded, ...skipped].join('; ')}.`;
}
