import Link from 'next/link';
import { envelopeListHref, type ListFilters } from './envelope-list-params';

const LINK =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50';

/** Keyset pages only go forward; "First page" is the way back. */
export function ListPagination(props: { filters: ListFilters; isFirstPage: boolean; nextCursor: string | null }) {
  if (props.isFirstPage && !props.nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-3">
      {props.isFirstPage ? null : (
        <Link href={envelopeListHref(props.filters)} className={LINK}>
          First page
        </Link>
      )}
      {props.nextCursor ? (
        <Link href={envelopeListHref(props.filters, props.nextCursor)} className={LINK}>
          Next page <span aria-hidden>→</span>
        </Link>
      ) : null}
    </nav>
  );
}
