'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

/**
 * Runs a change against the API, then re-renders the server page so every card shows the stored state rather than
 * an optimistic guess. `pending` stays true until the refreshed page has arrived.
 */
export function useHookAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [refreshing, startTransition] = useTransition();

  async function run(action: () => Promise<void>): Promise<boolean> {
    setError(null);
    setSending(true);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Something went wrong.');
      return false;
    } finally {
      setSending(false);
    }
    startTransition(() => router.refresh());
    return true;
  }

  return { run, error, pending: sending || refreshing };
}
