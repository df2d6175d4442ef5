import Link from 'next/link';

export const EMPTY_STATE_LINK = 'font-medium text-brand-700 underline underline-offset-2';

/** Nothing to show (yet): a title, then what would show here and how to get there. */
export function EmptyState(props: { title: React.ReactNode; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-lg font-medium">{props.title}</p>
      <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">{props.children}</p>
      {props.footer}
    </div>
  );
}

/** A filtered list that matches nothing: which filters to change, or the way back to the whole list. */
export function NoMatchesState(props: { items: string; filters: string; resetHref: string }) {
  return (
    <EmptyState title={`No ${props.items} match`}>
      Try another {props.filters}, or{' '}
      <Link href={props.resetHref} className={EMPTY_STATE_LINK}>
        show all {props.items}
      </Link>
      .
    </EmptyState>
  );
}
