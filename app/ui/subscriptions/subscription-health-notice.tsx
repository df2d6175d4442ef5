import { DISABLE_AFTER_FAILING_MS } from '@/app/lib/subscriptions/delivery-schedule';
import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { formatDuration } from '@/app/ui/format/duration';
import type { Subscription } from './subscription-api';
import { ToggleEnabledButton } from './toggle-enabled-button';

/** Why nothing is being delivered, when that is so: the first thing a card says, with the way out. */
export function SubscriptionHealthNotice({ subscription }: { subscription: Subscription }) {
  if (!subscription.enabled) {
    return (
      <div
        data-testid="subscription-disabled"
        className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
      >
        <div className="min-w-0 flex-1 basis-64">
          <p className="font-semibold">
            Disabled
            {subscription.disabledAt ? (
              <>
                {' '}
                since <ExactTime iso={subscription.disabledAt} />
              </>
            ) : null}
          </p>
          {subscription.disabledReason ? <p className="mt-0.5 break-words">{subscription.disabledReason}</p> : null}
          <p className="mt-0.5 text-xs text-red-800">
            Nothing is sent while it is disabled; once enabled, it catches up on the events recorded meanwhile.
          </p>
        </div>
        <ToggleEnabledButton subscriptionId={subscription.id} enabled={false} />
      </div>
    );
  }
  if (subscription.failingSince) {
    return (
      <div
        data-testid="subscription-failing"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      >
        <p>
          <span className="font-semibold">
            Failing since <ExactTime iso={subscription.failingSince} />
          </span>
          : every request since then failed. It is disabled after {formatDuration(DISABLE_AFTER_FAILING_MS)} of this;
          the recent attempts below say what the endpoint answered.
        </p>
      </div>
    );
  }
  return null;
}
