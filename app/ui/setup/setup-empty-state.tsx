import { EMPTY_STATE_LINK, EmptyState } from '@/app/ui/empty-state';

export function SetupEmptyState() {
  return (
    <EmptyState title="No hooks yet">
      A hook is a receiving address for the signing service: its id is the secret part of the URL, and every
      notification sent to it becomes part of an envelope&apos;s history.{' '}
      <a href="#hook-name" className={EMPTY_STATE_LINK}>
        Create one above
      </a>{' '}
      to get the WebhookUrl and WebhookStatusUrl for your sign request.
    </EmptyState>
  );
}
