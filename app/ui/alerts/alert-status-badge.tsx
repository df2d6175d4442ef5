import type { AlertHistoryItem } from './alert-api';

// Same pale-tint scheme as the other badges: the label, not the colour, carries the meaning.
const STATUSES = {
  sent: { label: 'Sent', tone: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30' },
  pending: { label: 'Pending', tone: 'bg-amber-50 text-amber-900 ring-amber-600/30' },
  failed: { label: 'Failed', tone: 'bg-red-50 text-red-800 ring-red-600/30' },
} as const;

/** Where one alert message stands on one channel. */
export function AlertStatusBadge({ status }: { status: AlertHistoryItem['status'] }) {
  const shown = STATUSES[status];
  return (
    <span
      data-testid="alert-status"
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${shown.tone}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {shown.label}
    </span>
  );
}
