import type { SWRConfiguration } from 'swr';
import type { z } from 'zod';
import { requestJson } from './request-json';

/** The SWR fetcher of a JSON endpoint: the answer checked with this schema, every failure an ApiRequestError. */
export function jsonFetcher<S extends z.ZodType>(schema: S) {
  return (url: string) => requestJson(url, { schema });
}

/**
 * How a live view polls: it starts from the server's render (no spinner, no second request on load), asks again
 * every `intervalMs` while the tab is visible and when it comes back into focus. SWR stops polling while the last
 * request failed and retries on its own schedule instead; its default backoff grows to minutes, this one stays
 * within six intervals, while the last good answer stays on screen.
 */
export function livePolling(intervalMs: number) {
  return {
    revalidateOnMount: false,
    revalidateOnFocus: true,
    refreshWhenHidden: false,
    refreshInterval: intervalMs,
    onErrorRetry: (_error, _key, _config, revalidate, { retryCount }) => {
      setTimeout(() => revalidate({ retryCount }), Math.min(retryCount, 6) * intervalMs);
    },
  } satisfies SWRConfiguration;
}
