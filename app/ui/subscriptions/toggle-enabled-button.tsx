'use client';

import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import { subscriptionApiUrl } from './subscription-api';
import { useSubscriptionAction } from './use-subscription-action';

/** "Disable" on an enabled subscription, "Enable" (the way out of a disabled state, so prominent) on a disabled one. */
export function ToggleEnabledButton({ subscriptionId, enabled }: { subscriptionId: string; enabled: boolean }) {
  const { run, error, pending } = useSubscriptionAction();
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          void run(
            () => requestJson(subscriptionApiUrl(subscriptionId), { method: 'PATCH', body: { enabled: !enabled } }),
            enabled ? 'The subscription was not disabled' : 'The subscription was not enabled',
          )
        }
        className={enabled ? SECONDARY_BUTTON : PRIMARY_BUTTON}
      >
        {enabled ? (pending ? 'Disabling…' : 'Disable') : pending ? 'Enabling…' : 'Enable'}
      </button>
      <InlineError message={error} />
    </div>
  );
}
