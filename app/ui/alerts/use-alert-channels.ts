'use client';

import useSWR from 'swr';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { ALERT_CHANNELS_API_URL, alertChannelListSchema, type AlertChannel } from './alert-api';

/** Channels change only by hand, here or in another tab: a slower poll than the history's is enough. */
export const ALERT_SETTINGS_POLL_INTERVAL_MS = 10_000;

const fetchChannels = jsonFetcher(alertChannelListSchema);

/** Every alert channel as the API has it now, starting from the server's render, then polled (see livePolling). */
export function useAlertChannels(initial: AlertChannel[]) {
  const { data, error } = useSWR(ALERT_CHANNELS_API_URL, fetchChannels, {
    ...livePolling(ALERT_SETTINGS_POLL_INTERVAL_MS),
    fallbackData: { items: initial },
  });
  return { channels: data?.items ?? initial, error: error instanceof Error ? error : null };
}
