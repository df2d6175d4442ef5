'use client';

import { useState } from 'react';
import type { EnvelopePage } from '@/app/lib/envelopes/envelope-list-schema';
import { isFinalStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { roleBlockedReason } from '@/app/ui/auth/roles-shown';
import { ListPagination } from '@/app/ui/list/list-pagination';
import { ExportDownloads } from './export-downloads';
import { envelopeListHref, listOrderOf, type ListFilters } from './envelope-list-params';
import { describeOrder } from './envelope-sort-options';
import { EnvelopeTable, type EnvelopeSelection } from './envelope-table';
import { SelectionReminders } from './selection-reminders';
import { LiveIndicator, LivePausedNotice } from './live-status';
import { StatusSummary } from './status-summary';
import { LIST_POLL_INTERVAL_MS, useEnvelopeList } from './use-envelope-list';

type EnvelopeListViewProps = {
  /** The page as the server rendered it: shown at once, then (first page only) kept up to date by polling. */
  initial: EnvelopePage;
  /** The server's clock at render time, so "5 min ago" reads the same before and after hydration. */
  renderedAt: string;
  filters: ListFilters;
  cursor: string | null;
  apiUrl: string;
  /** Server-rendered: the filter form sits between the summary strip and the table. */
  filterForm: React.ReactNode;
  /** Server-rendered: shown while the view has no envelopes (it may get its first one while open). */
  emptyState: React.ReactNode;
  /** Whether the visitor's role may send reminders (operator). */
  mayOperate: boolean;
};

/** The home page's list: summary strip, table and pages, live on the first page. */
export function EnvelopeListView(props: EnvelopeListViewProps) {
  const [now] = useState(() => new Date(props.renderedAt));
  const live = props.cursor === null;
  const { page, error } = useEnvelopeList({
    apiUrl: props.apiUrl,
    initial: props.initial,
    renderedAt: props.renderedAt,
    live,
  });
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  // Only what the page shows and is still open counts: an envelope that ends meanwhile drops out.
  const openIds = page.items.filter((item) => !isFinalStatus(item.status)).map((item) => item.id);
  const selectedIds = openIds.filter((id) => picked.has(id));
  const selection: EnvelopeSelection = {
    isSelected: (id) => picked.has(id),
    setSelected: (id, selected) =>
      setPicked((current) => {
        const next = new Set(current);
        if (selected) next.add(id);
        else next.delete(id);
        return next;
      }),
    allOpenSelected: openIds.length > 0 && selectedIds.length === openIds.length,
    setAllOpenSelected: (selected) => setPicked(new Set(selected ? openIds : [])),
    hasOpen: openIds.length > 0,
  };
  const names = new Map(page.items.map((item) => [item.id, item.name]));

  return (
    <>
      {page.statusCounts ? <StatusSummary counts={page.statusCounts} filters={props.filters} /> : null}
      {props.filterForm}
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        {live ? (
          <LiveIndicator failed={error !== null} intervalMs={LIST_POLL_INTERVAL_MS} />
        ) : (
          <p className="text-xs text-slate-600">
            A later page stays as it was loaded; new activity shows on the first page.
          </p>
        )}
        {page.items.length > 0 ? <ExportDownloads filters={props.filters} /> : null}
      </div>
      <LivePausedNotice error={error} />
      <SelectionReminders
        selectedIds={selectedIds}
        openIds={openIds}
        nameOf={(id) => names.get(id) ?? ''}
        onSelectAll={() => selection.setAllOpenSelected(true)}
        onClear={() => selection.setAllOpenSelected(false)}
        blockedReason={roleBlockedReason(props.mayOperate, 'Sending reminders')}
      />
      {page.items.length > 0 ? (
        <>
          <EnvelopeTable
            envelopes={page.items}
            now={now}
            caption={`Envelopes, ${describeOrder(listOrderOf(props.filters))}`}
            selection={selection}
          />
          <ListPagination
            firstPageHref={props.cursor ? envelopeListHref(props.filters) : null}
            nextPageHref={page.nextCursor ? envelopeListHref(props.filters, page.nextCursor) : null}
          />
        </>
      ) : (
        props.emptyState
      )}
    </>
  );
}
