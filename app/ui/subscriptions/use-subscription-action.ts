'use client';

import { useRefreshingAction } from '@/app/ui/api/use-refreshing-action';
import { SUBSCRIPTIONS_API_URL } from './subscription-api';

export type { ActionOutcome } from '@/app/ui/api/use-refreshing-action';

const REFRESHED = [SUBSCRIPTIONS_API_URL];

/** Runs a change against the subscriptions API, then shows the stored list on every card. */
export function useSubscriptionAction() {
  return useRefreshingAction(REFRESHED);
}
