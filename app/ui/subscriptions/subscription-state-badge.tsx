import type { Subscription } from './subscription-api';

// Same pale-tint scheme as the other badges: the label, not the colour, carries the meaning.
const STATES = {
  enabled: { label: 'Enabled', tone: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30' },
  failing: { label: 'Failing', tone: 'bg-amber-50 text-amber-900 ring-amber-600/30' },
  disabled: { label: 'Disabled', tone: 'bg-red-50 text-red-800 ring-red-600/30' },
} as const;

export function subscriptionState(subscription: Subscription): keyof typeof STATES {
  if (!subscription.enabled) return 'disabled';
  return subscription.failingSince ? 'failing' : 'enabled';
}

export function SubscriptionStateBadge({ subscription }: { subscription: Subscription }) {
  const state = STATES[subscriptionState(subscription)];
  return (
    <span
      data-testid="subscription-state"
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${state.tone}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {state.label}
    </span>
  );
}
