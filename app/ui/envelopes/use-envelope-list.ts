'use client';

import useSWR from 'swr';
import { envelopePageSchema, type EnvelopePage } from '@/app/lib/envelopes/envelope-list-schema';
import { readApiErrorMessage } from '@/app/ui/list/read-api-error';

/** How often the first page asks for news while the tab is visible. */
export const LIST_POLL_INTERVAL_MS = 5_000;

type Snapshot = { page: EnvelopePage; receivedAt: Date };

/**
 * The first page of a view as the API has it now, starting from the server's render (no spinner, no second request
 * on load), then polled with the same query. Later pages stay as rendered: new activity would shift them under the
 * reader. `receivedAt` is the clock for "5 min ago", so relative times move on with every answer.
 */
export function useEnvelopeList(options: { apiUrl: string; initial: EnvelopePage; renderedAt: string; live: boolean }) {
  const fallbackData: Snapshot = { page: options.initial, receivedAt: new Date(options.renderedAt) };
  const { data, error } = useSWR(options.live ? options.apiUrl : null, fetchPage, {
    fallbackData,
    revalidateOnMount: false,
    revalidateOnFocus: true,
    refreshWhenHidden: false,
    refreshInterval: LIST_POLL_INTERVAL_MS,
    keepPreviousData: true,
    // The last good page stays on screen while the server cannot be reached; retries stay within half a minute.
    onErrorRetry: (_error, _key, _config, revalidate, { retryCount }) => {
      setTimeout(() => revalidate({ retryCount }), Math.min(retryCount, 6) * LIST_POLL_INTERVAL_MS);
    },
  });
  const snapshot = data ?? fallbackData;
  return { ...snapshot, error: error instanceof Error ? error : null };
}

async function fetchPage(url: string): Promise<Snapshot> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    throw new Error('the server could not be reached');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(readApiErrorMessage(body) ?? `the server answered HTTP ${response.status}`);
  const parsed = envelopePageSchema.safeParse(body);
  // Most likely a server updated under an open tab; a reload picks up the matching page.
  if (!parsed.success) throw new Error('the server sent a list this page does not understand; reload the page');
  return { page: parsed.data, receivedAt: new Date() };
}
