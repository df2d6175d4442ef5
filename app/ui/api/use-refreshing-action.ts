'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { describeFailure } from './request-json';

export type ActionOutcome<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs a change against the API, then fetches the given lists again so the page shows the stored state rather than
 * an optimistic guess. `pending` stays true until the fresh lists arrived; a failure is kept in `error`, in words.
 */
export function useRefreshingAction(refreshKeys: readonly string[]) {
  const { mutate } = useSWRConfig();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run<T>(action: () => Promise<T>, whatFailed: string): Promise<ActionOutcome<T>> {
    setError(null);
    setPending(true);
    try {
      const value = await action();
      // The change is stored: a failed refresh is the polling's to retry, not this action's failure.
      await Promise.all(refreshKeys.map((key) => mutate(key).catch(() => undefined)));
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
