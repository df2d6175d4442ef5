'use client';

import useSWR from 'swr';
import { envelopeDetailSchema, type EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { readApiErrorMessage } from '@/app/ui/list/read-api-error';

/** How often an open envelope page asks for news; faster while documents are being fetched. */
export const POLL_INTERVAL_MS = 5_000;
export const FAST_POLL_INTERVAL_MS = 2_000;

export function envelopeUrl(id: string): string {
  return `/api/envelopes/${encodeURIComponent(id)}`;
}

/**
 * The envelope as the API has it now, starting from the server's render (no spinner, no second request on load),
 * then polled. SWR pauses the polling while the tab is hidden and asks again when it comes back into focus.
 */
export function useEnvelope(initial: EnvelopeDetail) {
  const { data, error, mutate } = useSWR(envelopeUrl(initial.id), fetchEnvelope, {
    fallbackData: initial,
    revalidateOnMount: false,
    revalidateOnFocus: true,
    refreshWhenHidden: false,
    refreshInterval: (latest) => (isFetchingDocuments(latest ?? initial) ? FAST_POLL_INTERVAL_MS : POLL_INTERVAL_MS),
    // SWR stops polling while the last request failed and retries on its own schedule instead. Its default backoff
    // grows to minutes; here it stays within half a minute, and the last good envelope stays on screen meanwhile.
    onErrorRetry: (_error, _key, _config, revalidate, { retryCount }) => {
      setTimeout(() => revalidate({ retryCount }), Math.min(retryCount, 6) * POLL_INTERVAL_MS);
    },
  });
  return { envelope: data ?? initial, error: error instanceof Error ? error : null, refresh: () => mutate() };
}

function isFetchingDocuments(envelope: EnvelopeDetail): boolean {
  const { status, attempts } = envelope.documentStatus;
  return status === 'fetching' || (status === 'pending' && attempts === 0);
}

async function fetchEnvelope(url: string): Promise<EnvelopeDetail> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    throw new Error('the server could not be reached');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(readApiErrorMessage(body) ?? `the server answered HTTP ${response.status}`);
  const parsed = envelopeDetailSchema.safeParse(body);
  // Most likely a server updated under an open tab; a reload picks up the matching page.
  if (!parsed.success) throw new Error('the server sent an envelope this page does not understand; reload the page');
  return parsed.data;
}
