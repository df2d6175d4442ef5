'use client';

import useSWR from 'swr';
import { envelopeDetailSchema, type EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';

/** How often an open envelope page asks for news; faster while documents are being fetched. */
export const POLL_INTERVAL_MS = 5_000;
export const FAST_POLL_INTERVAL_MS = 2_000;

export function envelopeUrl(id: string): string {
  return `/api/envelopes/${encodeURIComponent(id)}`;
}

const fetchEnvelope = jsonFetcher(envelopeDetailSchema);

/** The envelope as the API has it now, starting from the server's render, then polled (see livePolling). */
export function useEnvelope(initial: EnvelopeDetail) {
  const { data, error, mutate } = useSWR(envelopeUrl(initial.id), fetchEnvelope, {
    ...livePolling(POLL_INTERVAL_MS),
    fallbackData: initial,
    refreshInterval: (latest) => (isFetchingDocuments(latest ?? initial) ? FAST_POLL_INTERVAL_MS : POLL_INTERVAL_MS),
  });
  return { envelope: data ?? initial, error: error instanceof Error ? error : null, refresh: () => mutate() };
}

function isFetchingDocuments(envelope: EnvelopeDetail): boolean {
  const { status, attempts } = envelope.documentStatus;
  return status === 'fetching' || (status === 'pending' && attempts === 0);
}
