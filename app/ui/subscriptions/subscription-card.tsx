'use client';

import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { InlineError } from '@/app/ui/setup/inline-error';
import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import { BreakableUrl } from './breakable-url';
import { DeleteSubscriptionButton } from './delete-subscription-button';
import { DeliveryCounts } from './delivery-counts';
import { OneTimeSecret } from './one-time-secret';
import { RecentAttempts } from './recent-attempts';
import { SubscribedTypes } from './subscribed-types';
import type { Attempt, Subscription } from './subscription-api';
import { SubscriptionHealthNotice } from './subscription-health-notice';
import { SubscriptionStateBadge } from './subscription-state-badge';
import { TestEventResult } from './test-event-result';
import { ToggleEnabledButton } from './toggle-enabled-button';
import { useKeyRotation } from './use-key-rotation';
import { useTestEvent } from './use-test-event';

export function SubscriptionCard({
  subscription,
  initialAttempts,
}: {
  subscription: Subscription;
  /** What the server rendered; undefined for a subscription created since, whose card asks for them. */
  initialAttempts: Attempt[] | undefined;
}) {
  const headingId = `subscription-${subscription.id}-heading`;
  const test = useTestEvent(subscription.id);
  const rotation = useKeyRotation(subscription.id);

  return (
    <section
      aria-labelledby={headingId}
      data-testid="subscription-card"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <h3 id={headingId} className="min-w-0 font-mono text-sm font-semibold text-slate-900">
              <BreakableUrl url={subscription.url} />
            </h3>
            <SubscriptionStateBadge subscription={subscription} />
          </div>
          {subscription.description ? (
            <p className="mt-1 break-words text-sm text-slate-700">{subscription.description}</p>
          ) : null}
          <p className="mt-0.5 text-xs text-slate-500">
            Added <ExactTime iso={subscription.createdAt} /> ·{' '}
            <span className="wrap-anywhere font-mono">{subscription.id}</span>
          </p>
        </div>
        <DeleteSubscriptionButton subscriptionId={subscription.id} url={subscription.url} />
      </div>

      <div className="mt-3 empty:hidden">
        <SubscriptionHealthNotice subscription={subscription} />
      </div>

      <div className="mt-4 grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
        <div>
          <p className="text-xs text-slate-500">Receives</p>
          <div className="mt-1">
            <SubscribedTypes types={subscription.types} />
          </div>
        </div>
        <DeliveryCounts deliveries={subscription.deliveries} />
      </div>

      {subscription.previousSecretUntil ? (
        <p className="mt-3 text-xs text-slate-600">
          The previous key still signs alongside the new one until <ExactTime iso={subscription.previousSecretUntil} />.
        </p>
      ) : null}

      <div className="mt-4 flex flex-wrap items-start gap-2">
        <button
          type="button"
          onClick={() => void test.send()}
          disabled={test.state.kind === 'sending'}
          className={SECONDARY_BUTTON}
        >
          {test.state.kind === 'sending' ? 'Sending…' : 'Send test event'}
        </button>
        <button
          type="button"
          onClick={() => void rotation.rotate()}
          disabled={rotation.pending}
          className={SECONDARY_BUTTON}
        >
          {rotation.pending ? 'Rotating…' : 'Rotate key'}
        </button>
        {subscription.enabled ? <ToggleEnabledButton subscriptionId={subscription.id} enabled /> : null}
      </div>
      <InlineError message={rotation.error} />
      <TestEventResult state={test.state} />
      {/* Always in the page, so the new key's arrival is announced; the key itself is not read out. */}
      <p role="status" aria-live="polite" className="sr-only">
        {rotation.rotated ? 'New signing key made. It is shown below, this once.' : ''}
      </p>
      {rotation.rotated ? (
        <div className="mt-3">
          <OneTimeSecret
            title="New signing key made"
            secret={rotation.rotated.secret}
            note={
              <>
                Each request now carries a signature with each key; the previous key stops signing at{' '}
                <ExactTime iso={rotation.rotated.previousSecretUntil} />. Switch your receiver before then.
              </>
            }
            onDismiss={rotation.dismiss}
          />
        </div>
      ) : null}

      <div className="mt-5 border-t border-slate-200 pt-4">
        <RecentAttempts subscriptionId={subscription.id} initial={initialAttempts} />
      </div>
    </section>
  );
}
