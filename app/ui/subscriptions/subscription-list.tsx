'use client';

import type { Attempt, Subscription } from './subscription-api';
import { SubscriptionCard } from './subscription-card';
import { useSubscriptions } from './use-subscriptions';

/** A card per subscription, kept current: a subscription added, disabled or deleted elsewhere shows up here. */
export function SubscriptionList({
  initial,
  initialAttempts,
}: {
  initial: Subscription[];
  initialAttempts: Record<string, Attempt[]>;
}) {
  const { subscriptions, error } = useSubscriptions(initial);
  return (
    <div className="space-y-4">
      {error ? (
        <p role="status" className="text-sm text-amber-800">
          Could not update the subscriptions ({error.message}); showing the last state received.
        </p>
      ) : null}
      {subscriptions.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No subscriptions yet. Add one above to have events pushed to your system.
        </p>
      ) : (
        subscriptions.map((subscription) => (
          <SubscriptionCard
            key={subscription.id}
            subscription={subscription}
            initialAttempts={initialAttempts[subscription.id]}
          />
        ))
      )}
    </div>
  );
}
