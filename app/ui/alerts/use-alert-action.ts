'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { describeFailure } from '@/app/ui/api/request-json';
import { ALERT_CHANNELS_API_URL, ALERT_RULES_API_URL } from './alert-api';

export type ActionOutcome<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs a change against the alerts API, then fetches channels and rules again so the page shows the stored state
 * rather than an optimistic guess (deleting a channel changes the rules that used it). `pending` stays true until
 * the fresh lists arrived.
 */
export function useAlertAction() {
  const { mutate } = useSWRConfig();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run<T>(action: () => Promise<T>, whatFailed: string): Promise<ActionOutcome<T>> {
    setError(null);
    setPending(true);
    try {
      const value = await action();
      // The change is stored: a failed refresh is the polling's to retry, not this action's failure.
      await Promise.all([
        mutate(ALERT_CHANNELS_API_URL).catch(() => undefined),
        mutate(ALERT_RULES_API_URL).catch(() => undefined),
      ]);
      return { ok: true, value };
    } catch (caught) {
      setError(describeFailure(caught, whatFailed));
      return { ok: false };
    } finally {
      setPending(false);
    }
  }

  return { run, error, pending, clearError: () => setError(null) };
}
