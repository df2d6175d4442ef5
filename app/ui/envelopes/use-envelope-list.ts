'use client';

import useSWR from 'swr';
import { envelopePageSchema, type EnvelopePage } from '@/app/lib/envelopes/envelope-list-schema';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';

/** How often the first page asks for news while the tab is visible. */
export const LIST_POLL_INTERVAL_MS = 5_000;

type Snapshot = { page: EnvelopePage; receivedAt: Date };

const fetchPageOnly = jsonFetcher(envelopePageSchema);

async function fetchPage(url: string): Promise<Snapshot> {
  return { page: await fetchPageOnly(url), receivedAt: new Date() };
}

/**
 * The first page of a view as the API has it now, starting from the server's render, then polled with the same query
 * (see livePolling). Later pages stay as rendered: new activity would shift them under the reader. `receivedAt` is
 * the clock for "5 min ago", so relative times move on with every answer.
 */
export function useEnvelopeList(options: { apiUrl: string; initial: EnvelopePage; renderedAt: string; live: boolean }) {
  const fallbackData: Snapshot = { page: options.initial, receivedAt: new Date(options.renderedAt) };
  const { data, error } = useSWR(options.live ? options.apiUrl : null, fetchPage, {
    ...livePolling(LIST_POLL_INTERVAL_MS),
    fallbackData,
    keepPreviousData: true,
  });
  const snapshot = data ?? fallbackData;
  return { ...snapshot, error: error instanceof Error ? error : null };
}
