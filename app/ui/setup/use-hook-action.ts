'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';

/** The API address of one hook. */
export function hookApiUrl(hookId: string): string {
  return `/api/hooks/${encodeURIComponent(hookId)}`;
}

/**
 * Runs a change against the API, then re-renders the server page so every card shows the stored state rather than
 * an optimistic guess. `pending` stays true until the refreshed page has arrived.
 */
export function useHookAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [refreshing, startTransition] = useTransition();

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    setSending(true);
    try {
      await action();
    } catch (caught) {
      setError(describeFailure(caught, 'The change was not saved'));
      return false;
    } finally {
      setSending(false);
    }
    startTransition(() => router.refresh());
    return true;
  }

  return { run, error, pending: sending || refreshing };
}

/** Saves one setting of a hook; `justSaved` is true from a successful save until the next edit (`edited`) or save. */
export function useHookSetting(hookId: string) {
  const { run, error, pending } = useHookAction();
  const [savedOnce, setSavedOnce] = useState(false);

  async function save(changes: Record<string, unknown>) {
    setSavedOnce(false);
    setSavedOnce(await run(() => requestJson(hookApiUrl(hookId), { method: 'PATCH', body: changes })));
  }

  return { save, edited: () => setSavedOnce(false), justSaved: savedOnce && !pending, error, pending };
}
