'use client';

import useSWR from 'swr';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { SUBSCRIPTIONS_API_URL, subscriptionListSchema, type Subscription } from './subscription-api';

/** How often the cards ask for their counts and state: deliveries move on without anyone clicking. */
export const SUBSCRIPTIONS_POLL_INTERVAL_MS = 5_000;

const fetchSubscriptions = jsonFetcher(subscriptionListSchema);

/** Every subscription as the API has it now, starting from the server's render, then polled (see livePolling). */
export function useSubscriptions(initial: Subscription[]) {
  const { data, error } = useSWR(SUBSCRIPTIONS_API_URL, fetchSubscriptions, {
    ...livePolling(SUBSCRIPTIONS_POLL_INTERVAL_MS),
    fallbackData: { items: initial },
  });
  return { subscriptions: data?.items ?? initial, error: error instanceof Error ? error : null };
}
