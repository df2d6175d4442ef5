import Link from 'next/link';

const LINK =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50';

/** Keyset pages only go forward; "First page" is the way back. Either link may be absent. */
export function ListPagination(props: { firstPageHref: string | null; nextPageHref: string | null }) {
  if (!props.firstPageHref && !props.nextPageHref) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-3">
      {props.firstPageHref ? (
        <Link href={props.firstPageHref} className={LINK}>
          First page
        </Link>
      ) : null}
      {props.nextPageHref ? (
        <Link href={props.nextPageHref} className={LINK}>
          Next page <span aria-hidden>→</span>
        </Link>
      ) : null}
    </nav>
  );
}
