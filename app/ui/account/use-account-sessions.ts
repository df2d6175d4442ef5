'use client';

import useSWR from 'swr';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { ACCOUNT_SESSIONS_API_URL, sessionListSchema, type AccountSession } from './account-api';

/** Sessions begin and end elsewhere (another browser, an administrator): a slow poll keeps the list honest. */
export const SESSIONS_POLL_INTERVAL_MS = 30_000;

const fetchSessions = jsonFetcher(sessionListSchema);

/** The reader's sessions as the API has them now, starting from the server's render, then polled. */
export function useAccountSessions(initial: AccountSession[]) {
  const { data, error } = useSWR(ACCOUNT_SESSIONS_API_URL, fetchSessions, {
    ...livePolling(SESSIONS_POLL_INTERVAL_MS),
    fallbackData: { items: initial },
  });
  return { sessions: data?.items ?? initial, error: error instanceof Error ? error : null };
}
