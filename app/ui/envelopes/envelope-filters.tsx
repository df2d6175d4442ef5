'use client';

import { useRouter } from 'next/navigation';
import { ENVELOPE_STATUSES } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { statusLabel } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import {
  FILTER_FIELD as FIELD,
  FILTER_LABEL as LABEL,
  FilterActions,
  HookFilter,
  type HookOption,
} from '@/app/ui/list/filter-fields';
import { envelopeListHref, hasActiveFilters, LIST_FILTER_KEYS, type ListFilters } from './envelope-list-params';

/**
 * A GET form: the filters end up in the URL, so a view can be bookmarked and shared. With JavaScript the URL leaves
 * out empty fields; without, the browser submits the form as it is and the page reads it the same way.
 */
export function EnvelopeFilters({ filters, hooks }: { filters: ListFilters; hooks: HookOption[] }) {
  const router = useRouter();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(LIST_FILTER_KEYS.map((key) => [key, String(data.get(key) ?? '')]));
    // A new search starts at the first page; the page size of a hand-written URL is kept.
    router.push(envelopeListHref({ ...values, limit: filters.limit }));
  }

  return (
    // The key remounts the form when the URL changes (e.g. "Clear"), so its uncontrolled fields show the new values.
    <form
      key={JSON.stringify(filters)}
      action="/"
      method="get"
      onSubmit={submit}
      role="search"
      aria-label="Filter envelopes"
      className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_9.5rem_9.5rem_auto]"
    >
      <div className="col-span-2 lg:col-span-1">
        <label htmlFor="envelope-search" className={LABEL}>
          Search
        </label>
        <input
          id="envelope-search"
          type="search"
          name="q"
          defaultValue={filters.q}
          maxLength={200}
          placeholder="Envelope id, e-mail or custom value"
          className={FIELD}
        />
      </div>
      <div>
        <label htmlFor="envelope-status" className={LABEL}>
          Status
        </label>
        <select id="envelope-status" name="status" defaultValue={filters.status} className={FIELD}>
          <option value="">All statuses</option>
          {ENVELOPE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <HookFilter id="envelope-hook" value={filters.hook} hooks={hooks} />
      <DateFilter name="from" label="Active from" value={filters.from} max={dateValue(filters.to)} />
      <DateFilter name="to" label="Active to" value={filters.to} min={dateValue(filters.from)} />
      {filters.limit ? <input type="hidden" name="limit" value={filters.limit} /> : null}
      <FilterActions
        submitLabel="Search"
        clearHref={hasActiveFilters(filters) ? '/' : null}
        className="col-span-2 lg:col-span-1"
      />
      <p id="envelope-dates-hint" className="col-span-2 text-xs text-slate-600 lg:col-span-6">
        Dates are days in UTC and apply to each envelope&apos;s last activity.
      </p>
    </form>
  );
}

/** A day of last activity; `min` and `max` keep the range the right way round. */
function DateFilter(props: { name: 'from' | 'to'; label: string; value: string; min?: string; max?: string }) {
  return (
    <div>
      <label htmlFor={`envelope-${props.name}`} className={LABEL}>
        {props.label}
      </label>
      <input
        id={`envelope-${props.name}`}
        type="date"
        name={props.name}
        defaultValue={dateValue(props.value)}
        min={props.min || undefined}
        max={props.max || undefined}
        className={FIELD}
        aria-describedby="envelope-dates-hint"
      />
    </div>
  );
}

/** A date field shows only YYYY-MM-DD; a full time from a hand-written URL shows as its day. */
function dateValue(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
}
