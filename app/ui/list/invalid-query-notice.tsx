import Link from 'next/link';

/** A hand-edited or stale URL (an old page cursor) explains itself instead of failing the page. */
export function InvalidQueryNotice(props: { message: string; resetHref: string; resetLabel: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">These filters cannot be applied.</p>
      <p className="mt-0.5">
        {props.message}.{' '}
        <Link href={props.resetHref} className="font-medium underline underline-offset-2">
          {props.resetLabel}
        </Link>
      </p>
    </div>
  );
}
