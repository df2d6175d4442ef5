'use client';

import { useRefreshingAction } from '@/app/ui/api/use-refreshing-action';
import { TOKENS_API_URL } from './account-api';

const REFRESHED = [TOKENS_API_URL];

/** Runs a change against the tokens API, then shows the stored list. */
export function useTokenAction() {
  return useRefreshingAction(REFRESHED);
}
