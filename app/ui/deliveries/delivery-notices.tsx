import Link from 'next/link';
import { deliveryListHref, type DeliveryFilters } from './delivery-list-params';

const PAGE_LINK =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50';

/** A hand-edited or stale URL (an old page cursor) explains itself instead of failing the page. */
export function InvalidDeliveryQueryNotice({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">These filters cannot be applied.</p>
      <p className="mt-0.5">
        {message}.{' '}
        <Link href="/deliveries" className="font-medium underline underline-offset-2">
          Show all deliveries
        </Link>
      </p>
    </div>
  );
}

export function DeliveryEmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      {filtered ? (
        <>
          <p className="text-lg font-medium">No deliveries match</p>
          <p className="mt-1 text-sm text-slate-600">
            Try another hook or outcome, or{' '}
            <Link href="/deliveries" className="font-medium text-brand-700 underline underline-offset-2">
              show all deliveries
            </Link>
            .
          </p>
        </>
      ) : (
        <>
          <p className="text-lg font-medium">No deliveries yet</p>
          <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">
            Every request a sender makes to a hook URL is logged here, accepted or refused, as soon as it arrives.
          </p>
        </>
      )}
    </div>
  );
}

/** Keyset pages only go forward; "First page" is the way back. */
export function DeliveryPagination(props: {
  filters: DeliveryFilters;
  isFirstPage: boolean;
  nextCursor: string | null;
}) {
  if (props.isFirstPage && !props.nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-3">
      {props.isFirstPage ? null : (
        <Link href={deliveryListHref(props.filters)} className={PAGE_LINK}>
          First page
        </Link>
      )}
      {props.nextCursor ? (
        <Link href={deliveryListHref(props.filters, props.nextCursor)} className={PAGE_LINK}>
          Next page <span aria-hidden>→</span>
        </Link>
      ) : null}
    </nav>
  );
}
