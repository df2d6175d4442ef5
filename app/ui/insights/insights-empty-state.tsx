import Link from 'next/link';
import { EMPTY_STATE_LINK, EmptyState } from '@/app/ui/empty-state';

/** Nothing at all to chart: say why that may be and what to do about it. */
export function InsightsEmptyState({
  periodLabel,
  longerPeriodHref,
  mayConfigure,
}: {
  periodLabel: string;
  longerPeriodHref: string | null;
  /** Whether the visitor may open Setup (admin); others are told who can. */
  mayConfigure: boolean;
}) {
  return (
    <EmptyState title={`Nothing to chart for ${periodLabel} yet`}>
      Charts fill in as notifications arrive.{' '}
      {longerPeriodHref ? (
        <>
          <Link href={longerPeriodHref} className={EMPTY_STATE_LINK}>
            Look at a longer period
          </Link>
          , or if
        </>
      ) : (
        'If'
      )}{' '}
      no envelope has reached this app yet,{' '}
      {mayConfigure ? (
        <>
          paste a hook&apos;s WebhookUrl and WebhookStatusUrl from the{' '}
          <Link href="/setup" className={EMPTY_STATE_LINK}>
            Setup page
          </Link>{' '}
          into your sign request and use &ldquo;Send a test notification&rdquo; there to check the connection.
        </>
      ) : (
        'an administrator connects the signing service to it on the Setup page.'
      )}
    </EmptyState>
  );
}
