import Link from 'next/link';

const LINK = 'font-medium text-brand-700 underline underline-offset-2';

/** Nothing at all to chart: say why that may be and what to do about it. */
export function InsightsEmptyState({
  periodLabel,
  longerPeriodHref,
}: {
  periodLabel: string;
  longerPeriodHref: string | null;
}) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-lg font-medium">Nothing to chart for {periodLabel} yet</p>
      <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">
        Charts fill in as notifications arrive.{' '}
        {longerPeriodHref ? (
          <>
            <Link href={longerPeriodHref} className={LINK}>
              Look at a longer period
            </Link>
            , or if
          </>
        ) : (
          'If'
        )}{' '}
        no envelope has reached this app yet, paste a hook&apos;s WebhookUrl and WebhookStatusUrl from the{' '}
        <Link href="/setup" className={LINK}>
          Setup page
        </Link>{' '}
        into your sign request and use &ldquo;Send a test notification&rdquo; there to check the connection.
      </p>
    </div>
  );
}
