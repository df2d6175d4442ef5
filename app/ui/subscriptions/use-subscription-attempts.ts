'use client';

import useSWR from 'swr';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { attemptListSchema, attemptsApiUrl, type Attempt } from './subscription-api';

/** Attempts follow each other seconds apart (a first try, a retry 5 s later), so the list asks often. */
export const ATTEMPTS_POLL_INTERVAL_MS = 3_000;

const fetchAttempts = jsonFetcher(attemptListSchema);

/**
 * A subscription's latest attempts, newest first, polled (see livePolling). A card the server rendered starts from
 * its attempts; one created since has none to start from and asks at once.
 */
export function useSubscriptionAttempts(subscriptionId: string, initial: Attempt[] | undefined) {
  const { data, error } = useSWR(attemptsApiUrl(subscriptionId), fetchAttempts, {
    ...livePolling(ATTEMPTS_POLL_INTERVAL_MS),
    revalidateOnMount: initial === undefined,
    fallbackData: initial === undefined ? undefined : { items: initial },
  });
  return { attempts: data?.items ?? null, error: error instanceof Error ? error : null };
}
