'use client';

import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import type { AlertHistoryPage, HistoryFilters } from './alert-api';
import { HistoryItem } from './history-item';
import { useAlertHistory } from './use-alert-history';

export function HistoryList({
  filters,
  initial,
  filtered,
  now,
}: {
  filters: HistoryFilters;
  initial: AlertHistoryPage | undefined;
  filtered: boolean;
  now: Date;
}) {
  const { items, hasOlder, loadingOlder, loadOlder, error } = useAlertHistory(filters, initial);
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 shadow-sm sm:px-5">
      {error ? (
        <p role="status" className="pt-3 text-sm text-amber-800">
          Could not update the history ({error.message}); showing the last state received.
        </p>
      ) : null}
      {items === null ? (
        <p className="py-6 text-center text-sm text-slate-500">Loading alerts…</p>
      ) : items.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-600">
          {filtered
            ? 'No alerts for this rule and channel.'
            : 'No alerts yet. When a rule fires, its messages are listed here within seconds.'}
        </p>
      ) : (
        <ol aria-label="Alert history" className="divide-y divide-slate-100">
          {items.map((item) => (
            <HistoryItem key={item.id} item={item} now={now} />
          ))}
        </ol>
      )}
      {hasOlder ? (
        <div className="border-t border-slate-100 py-3">
          <button type="button" onClick={loadOlder} disabled={loadingOlder} className={SECONDARY_BUTTON}>
            {loadingOlder ? 'Loading…' : 'Load older'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
