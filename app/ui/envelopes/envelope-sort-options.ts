import type { EnvelopeOrder, EnvelopeSortKey } from '@/app/lib/envelopes/envelope-list-order';

/** What the list can be sorted by, as the "Sort by" field offers it. */
export const SORT_OPTIONS: { value: EnvelopeSortKey; label: string }[] = [
  { value: 'activity', label: 'Last activity' },
  { value: 'sent', label: 'Sent' },
  { value: 'deadline', label: 'Deadline' },
  { value: 'status', label: 'Status' },
];

const dayOptions = (days: number[]) =>
  days.map((count) => ({ value: String(count), label: count === 1 ? '1 day' : `${count} days` }));

/** The "Expiring within" choices, in days. */
export const EXPIRING_WITHIN_OPTIONS = dayOptions([1, 3, 7, 14, 30]);

/** The "No activity for more than" choices, in days: Insights' stuck envelopes offer the same. */
export const QUIET_FOR_OPTIONS = dayOptions([1, 3, 7, 14, 30]);

/** How the table's caption describes the order. */
export function describeOrder({ sort, dir }: EnvelopeOrder): string {
  const ascending = dir === 'asc';
  switch (sort) {
    case 'sent':
      return ascending ? 'first sent first' : 'last sent first';
    case 'deadline':
      return ascending ? 'soonest deadline first' : 'latest deadline first';
    case 'status':
      return ascending ? 'by status' : 'by status, last first';
    default:
      return ascending ? 'oldest activity first' : 'newest activity first';
  }
}
