'use client';

import { useRefreshingAction } from '@/app/ui/api/use-refreshing-action';
import { ALERT_CHANNELS_API_URL, ALERT_RULES_API_URL } from './alert-api';

export type { ActionOutcome } from '@/app/ui/api/use-refreshing-action';

// Both lists after any change: deleting a channel changes the rules that used it.
const REFRESHED = [ALERT_CHANNELS_API_URL, ALERT_RULES_API_URL];

/** Runs a change against the alerts API, then shows the stored channels and rules. */
export function useAlertAction() {
  return useRefreshingAction(REFRESHED);
}
