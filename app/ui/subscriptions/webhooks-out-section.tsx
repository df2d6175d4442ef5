import { CreateSubscriptionForm } from './create-subscription-form';
import { DeliveryRules } from './delivery-rules';
import type { Attempt, Subscription } from './subscription-api';
import { SubscriptionList } from './subscription-list';

/**
 * The Setup page's "Webhooks out": the change feed pushed to the integrator's own endpoints. The server renders it
 * with the stored subscriptions and their latest attempts; the cards then keep themselves current.
 */
export function WebhooksOutSection({
  subscriptions,
  attempts,
}: {
  subscriptions: Subscription[];
  attempts: Record<string, Attempt[]>;
}) {
  return (
    <section aria-labelledby="webhooks-out-heading" className="space-y-4 pt-4">
      <div>
        <h2 id="webhooks-out-heading" className="text-lg font-semibold text-slate-900">
          Webhooks out
        </h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Have every change to an envelope pushed to your own system as it is recorded: each subscription receives the
          events of the types it asks for, the same events{' '}
          <code className="font-mono text-[0.8125rem]">GET /api/events</code> lists, as signed JSON requests.
        </p>
      </div>
      <DeliveryRules />
      <CreateSubscriptionForm />
      <SubscriptionList initial={subscriptions} initialAttempts={attempts} />
    </section>
  );
}
