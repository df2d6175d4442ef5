'use client';

import useSWRInfinite from 'swr/infinite';
import { jsonFetcher, livePolling } from '@/app/ui/api/live-polling';
import { auditApiUrl, auditPageSchema, type AuditPage } from './audit-api';
import type { AuditFilters } from './audit-filters';

/** Entries come from people's actions, not machines: every ten seconds is soon enough and cheap. */
export const AUDIT_POLL_INTERVAL_MS = 10_000;

const fetchPage = jsonFetcher(auditPageSchema);

/**
 * The filtered audit log, newest first, one page per "Load older", starting from the server's render and polled
 * (see livePolling). Each page continues from the cursor of the page before it as fetched now, so entries added at
 * the top never leave a gap or a repeat further down.
 */
export function useAuditLog(filters: AuditFilters, initial: AuditPage) {
  const { data, error, size, setSize } = useSWRInfinite(
    (index: number, previous: AuditPage | null) =>
      index === 0
        ? auditApiUrl(filters, null)
        : previous?.nextCursor
          ? auditApiUrl(filters, previous.nextCursor)
          : null,
    fetchPage,
    { ...livePolling(AUDIT_POLL_INTERVAL_MS), fallbackData: [initial], revalidateAll: true },
  );
  const pages = data ?? [initial];
  return {
    items: pages.flatMap((page) => page.items),
    hasOlder: Boolean(pages.at(-1)?.nextCursor),
    loadingOlder: pages.length < size,
    loadOlder: () => void setSize(size + 1),
    error: error instanceof Error ? error : null,
  };
}
