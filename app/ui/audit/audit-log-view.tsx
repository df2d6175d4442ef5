'use client';

import { useState } from 'react';
import { LiveIndicator, LivePausedNotice } from '@/app/ui/envelopes/live-status';
import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import { auditExportHref, type AuditPage } from './audit-api';
import type { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { AUDIT_POLL_INTERVAL_MS, useAuditLog } from './use-audit-log';

/** The entries of one filtered view, kept current while open; the page gives it a new key per view. */
export function AuditLogView(props: {
  /** The first page as the server rendered it, shown at once. */
  initial: AuditPage;
  /** The server's clock at render time, so "5 min ago" reads the same before and after hydration. */
  renderedAt: string;
  /** With instants for days, as the API takes them. */
  filters: AuditFilters;
  /** Server-rendered: shown while nothing matches (an entry may arrive while the page is open). */
  emptyState: React.ReactNode;
}) {
  const [now] = useState(() => new Date(props.renderedAt));
  const { items, hasOlder, loadingOlder, loadOlder, error } = useAuditLog(props.filters, props.initial);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <LiveIndicator failed={error !== null} intervalMs={AUDIT_POLL_INTERVAL_MS} />
        {items.length > 0 ? (
          <a
            href={auditExportHref(props.filters)}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
          >
            Export CSV <span className="sr-only">of every entry in this view</span>
          </a>
        ) : null}
      </div>
      <LivePausedNotice error={error} />
      {items.length > 0 ? (
        <>
          <AuditTable entries={items} now={now} />
          {hasOlder ? (
            <div className="flex justify-center">
              <button type="button" onClick={loadOlder} disabled={loadingOlder} className={SECONDARY_BUTTON}>
                {loadingOlder ? 'Loading…' : 'Load older'}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        props.emptyState
      )}
    </>
  );
}
