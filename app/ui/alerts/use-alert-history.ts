'use client';

import useSWRInfinite from 'swr/infinite';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { alertHistoryApiUrl, alertHistoryPageSchema, type AlertHistoryPage, type HistoryFilters } from './alert-api';

/** Alerts go out within seconds of the event: the history asks often, so a new one shows without a reload. */
export const HISTORY_POLL_INTERVAL_MS = 3_000;

const fetchPage = jsonFetcher(alertHistoryPageSchema);

/**
 * The alert history, newest first, one page per "Load older", every loaded page polled (see livePolling): a pending
 * message further down turns sent or failed in place. Each page continues from the cursor of the page before it as
 * fetched now, so new alerts at the top never leave a gap. The unfiltered list starts from the server's render.
 */
export function useAlertHistory(filters: HistoryFilters, initial: AlertHistoryPage | undefined) {
  const { data, error, size, setSize } = useSWRInfinite(
    (index: number, previous: AlertHistoryPage | null) =>
      index === 0
        ? alertHistoryApiUrl(filters, null)
        : previous?.nextCursor
          ? alertHistoryApiUrl(filters, previous.nextCursor)
          : null,
    fetchPage,
    {
      ...livePolling(HISTORY_POLL_INTERVAL_MS),
      revalidateOnMount: initial === undefined,
      fallbackData: initial ? [initial] : undefined,
      revalidateAll: true,
    },
  );
  const pages = data ?? null;
  return {
    items: pages?.flatMap((page) => page.items) ?? null,
    hasOlder: Boolean(pages?.at(-1)?.nextCursor),
    loadingOlder: pages !== null && pages.length < size,
    loadOlder: () => void setSize(size + 1),
    error: error instanceof Error ? error : null,
  };
}
