import { formatCount } from '@/app/ui/format/count';
import type { Subscription } from './subscription-api';

const COUNTS = [
  { key: 'pending', label: 'Pending', tone: 'text-slate-900' },
  { key: 'delivered', label: 'Delivered', tone: 'text-emerald-800' },
  { key: 'failed', label: 'Failed', tone: 'text-red-800' },
] as const;

/** The subscription's events by where they stand: waiting (or being retried), delivered, given up on. */
export function DeliveryCounts({ deliveries }: { deliveries: Subscription['deliveries'] }) {
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1" data-testid="delivery-counts">
      {COUNTS.map((count) => (
        <div key={count.key}>
          <dt className="text-xs text-slate-500">{count.label}</dt>
          <dd
            className={`text-lg font-semibold tabular-nums ${deliveries[count.key] > 0 ? count.tone : 'text-slate-400'}`}
          >
            {formatCount(deliveries[count.key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
