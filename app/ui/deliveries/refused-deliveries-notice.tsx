import Link from 'next/link';
import type { RefusedDeliveriesNotice } from '@/app/lib/deliveries/summarize-refused-deliveries';

/** Senders whose notifications were refused recently, with what to check; each links to those deliveries. */
export function RefusedDeliveriesNotices({ notices }: { notices: RefusedDeliveriesNotice[] }) {
  if (notices.length === 0) return null;
  const shown = notices.slice(0, 5);
  return (
    <div
      role="status"
      data-testid="refused-deliveries"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <ul className="space-y-1">
        {shown.map((notice) => (
          <li key={`${notice.hookId}-${notice.errorCode}`} className="break-words">
            {notice.message}{' '}
            <Link
              href={`/deliveries?hook=${encodeURIComponent(notice.hookId)}&outcome=rejected`}
              className="font-medium underline underline-offset-2"
            >
              See them
            </Link>
          </li>
        ))}
      </ul>
      {notices.length > shown.length ? (
        <p className="mt-1 text-xs">
          And {notices.length - shown.length} more kinds of refusal on the Deliveries page.
        </p>
      ) : null}
    </div>
  );
}
