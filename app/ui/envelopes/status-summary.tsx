import Link from 'next/link';
import type { StatusCounts } from '@/app/lib/envelopes/envelope-list-schema';
import { ENVELOPE_STATUSES } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { statusLabel } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { formatCount } from '@/app/ui/format/count';
import { envelopeListHref, type ListFilters } from './envelope-list-params';

const ITEM =
  'flex h-full flex-col justify-between rounded-lg border px-2 py-1.5 text-left shadow-sm transition-colors sm:px-3 sm:py-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
const CURRENT = 'border-brand-600 bg-brand-600 text-white';
const OTHER = 'border-slate-200 bg-white text-slate-900 hover:border-slate-300 hover:bg-slate-50';

/**
 * How many envelopes of the view are in each status, each a link that narrows the list to it. The counts follow the
 * search, hook and dates, never the status itself, so the other statuses stay in reach. Every status is always
 * shown, so the strip keeps its shape as counts change.
 */
export function StatusSummary({ counts, filters }: { counts: StatusCounts; filters: ListFilters }) {
  const total = ENVELOPE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const items = [
    { key: 'all', label: 'All', count: total, status: '' },
    ...ENVELOPE_STATUSES.map((status) => ({ key: status, label: statusLabel(status), count: counts[status], status })),
  ];
  return (
    <nav aria-label="Envelopes by status">
      <ul className="grid grid-cols-4 gap-1.5 sm:gap-2 lg:grid-cols-8">
        {items.map((item) => {
          const current = filters.status === item.status;
          return (
            <li key={item.key}>
              <Link
                href={envelopeListHref({ ...filters, status: item.status })}
                aria-current={current ? 'page' : undefined}
                className={`${ITEM} ${current ? CURRENT : OTHER}`}
              >
                <span className={`text-xs leading-tight font-medium ${current ? 'text-white' : 'text-slate-600'}`}>
                  {item.label}
                </span>
                <span className="text-base font-semibold tabular-nums sm:text-lg">{formatCount(item.count)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
