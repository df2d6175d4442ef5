'use client';

import useSWR from 'swr';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { USERS_API_URL, userListSchema, type User } from './users-api';

/** People change by hand, here or in another admin's tab: a slow poll is enough. */
export const USERS_POLL_INTERVAL_MS = 15_000;

const fetchUsers = jsonFetcher(userListSchema);

/** Every user as the API has them now, starting from the server's render, then polled (see livePolling). */
export function useUsers(initial: User[]) {
  const { data, error } = useSWR(USERS_API_URL, fetchUsers, {
    ...livePolling(USERS_POLL_INTERVAL_MS),
    fallbackData: { items: initial },
  });
  return { users: data?.items ?? initial, error: error instanceof Error ? error : null };
}
