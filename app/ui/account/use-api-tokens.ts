'use client';

import useSWR from 'swr';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { TOKENS_API_URL, apiTokenListSchema, type ApiToken } from './account-api';

/** Often enough to see "last used" move while a script is being tried out. */
export const TOKENS_POLL_INTERVAL_MS = 15_000;

const fetchTokens = jsonFetcher(apiTokenListSchema);

/** The reader's API tokens as the API has them now, starting from the server's render, then polled. */
export function useApiTokens(initial: ApiToken[]) {
  const { data, error } = useSWR(TOKENS_API_URL, fetchTokens, {
    ...livePolling(TOKENS_POLL_INTERVAL_MS),
    fallbackData: { items: initial },
  });
  return { tokens: data?.items ?? initial, error: error instanceof Error ? error : null };
}
