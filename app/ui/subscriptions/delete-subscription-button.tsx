'use client';

import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { DANGER_BUTTON } from '@/app/ui/setup/styles';
import { subscriptionApiUrl } from './subscription-api';
import { useSubscriptionAction } from './use-subscription-action';

export function DeleteSubscriptionButton({ subscriptionId, url }: { subscriptionId: string; url: string }) {
  const { run, error, pending } = useSubscriptionAction();
  return (
    <div className="text-right">
      <button
        type="button"
        disabled={pending}
        aria-label={`Delete the subscription to ${url}`}
        onClick={() => {
          // Deleting drops the queued events and the attempts with it: nothing brings them back.
          if (!window.confirm(`Delete the subscription to ${url}? Its queued events and attempts are removed.`)) return;
          void run(
            () => requestJson(subscriptionApiUrl(subscriptionId), { method: 'DELETE' }),
            'The subscription was not deleted',
          );
        }}
        className={DANGER_BUTTON}
      >
        {pending ? 'Deleting…' : 'Delete'}
      </button>
      <InlineError message={error} />
    </div>
  );
}
