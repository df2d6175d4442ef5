'use client';

import { useRefreshingAction } from '@/app/ui/api/use-refreshing-action';
import { USERS_API_URL } from './users-api';

const REFRESHED = [USERS_API_URL];

/** Runs a change against the users API, then shows the stored list. */
export function useUserAction() {
  return useRefreshingAction(REFRESHED);
}
