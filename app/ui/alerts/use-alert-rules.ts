'use client';

import useSWR from 'swr';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { ALERT_RULES_API_URL, alertRuleListSchema, type AlertRule } from './alert-api';
import { ALERT_SETTINGS_POLL_INTERVAL_MS } from './use-alert-channels';

const fetchRules = jsonFetcher(alertRuleListSchema);

/** Every alert rule as the API has it now, starting from the server's render, then polled (see livePolling). */
export function useAlertRules(initial: AlertRule[]) {
  const { data, error } = useSWR(ALERT_RULES_API_URL, fetchRules, {
    ...livePolling(ALERT_SETTINGS_POLL_INTERVAL_MS),
    fallbackData: { items: initial },
  });
  return { rules: data?.items ?? initial, error: error instanceof Error ? error : null };
}
