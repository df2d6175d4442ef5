import { describeReminder, type ReminderCounts } from './envelope-header-facts';

export type SelectionReminderTotals = ReminderCounts & { envelopesReminded: number; envelopesRefused: number };

const envelopes = (count: number) => `${count} ${count === 1 ? 'envelope' : 'envelopes'}`;

/**
 * "Reminded 3 recipients on 2 envelopes; 1 skipped (rate limit). 1 envelope refused." — what "Send reminders" did
 * for a selection of the list, the refusals' reasons listed beside it.
 */
export function describeSelectionReminders(totals: SelectionReminderTotals): string {
  const counts = describeReminder(totals).replace(
    /^(Reminded \d+ recipients?)/,
    (reminded) => `${reminded} on ${envelopes(totals.envelopesReminded)}`,
  );
  return totals.envelopesRefused > 0 ? `${counts} ${envelopes(totals.envelopesRefused)} refused.` : counts;
}
