'use client';

import { useRouter } from 'next/navigation';
import { ENVELOPE_STATUSES, statusLabel } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { useDisplayTimeZone } from '@/app/ui/format/time-zone-context';
import { zonedDayEnd, zonedDayStart } from '@/app/ui/format/zoned-day';
import {
  FILTER_FIELD as FIELD,
  FILTER_LABEL as LABEL,
  FilterActions,
  FilterSelect,
  HookFilter,
  type HookOption,
} from '@/app/ui/list/filter-fields';
import {
  envelopeListHref,
  explicitOrder,
  hasActiveFilters,
  listOrderOf,
  LIST_FILTER_KEYS,
  LIST_ORDER_KEYS,
  type ListFilters,
} from './envelope-list-params';
import { EXPIRING_WITHIN_OPTIONS, QUIET_FOR_OPTIONS, SORT_OPTIONS } from './envelope-sort-options';

/**
 * A GET form: the filters end up in the URL, so a view can be bookmarked and shared. With JavaScript the URL leaves
 * out empty fields and the picked days become instants in the reader's time zone; without, the browser submits the
 * form as it is (days then count in UTC) and the page reads it the same way.
 */
export function EnvelopeFilters({ filters, hooks }: { filters: ListFilters; hooks: HookOption[] }) {
  const router = useRouter();
  const timeZone = useDisplayTimeZone();
  const order = listOrderOf(filters);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      [...LIST_FILTER_KEYS, ...LIST_ORDER_KEYS].map((key) => [key, String(data.get(key) ?? '')]),
    );
    values.from = zonedDayStart(values.from ?? '', timeZone) ?? '';
    values.to = zonedDayEnd(values.to ?? '', timeZone) ?? '';
    Object.assign(values, explicitOrder(filters, values));
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
      className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-4"
    >
      <div className="col-span-2">
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
      <FilterSelect
        id="envelope-status"
        name="status"
        label="Status"
        value={filters.status}
        allLabel="All statuses"
        options={ENVELOPE_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))}
      />
      <HookFilter id="envelope-hook" value={filters.hook} hooks={hooks} />
      <DateFilter name="from" label="Active from" value={filters.from} max={dateValue(filters.to)} />
      <DateFilter name="to" label="Active to" value={filters.to} min={dateValue(filters.from)} />
      <FilterSelect
        id="envelope-expiring"
        name="expiringWithin"
        label="Expiring within"
        value={filters.expiringWithin}
        allLabel="Any deadline"
        options={EXPIRING_WITHIN_OPTIONS}
      >
        {/* A number of days from a hand-written URL stays selected. */}
        {filters.expiringWithin &&
        !EXPIRING_WITHIN_OPTIONS.some((option) => option.value === filters.expiringWithin) ? (
          <option value={filters.expiringWithin}>{filters.expiringWithin} days</option>
        ) : null}
      </FilterSelect>
      <FilterSelect
        id="envelope-quiet"
        name="quietFor"
        label="No activity for more than"
        value={filters.quietFor}
        allLabel="Any time"
        options={QUIET_FOR_OPTIONS}
      >
        {/* Insights links here with any number of days, 0 (every open envelope) among them. */}
        {filters.quietFor && !QUIET_FOR_OPTIONS.some((option) => option.value === filters.quietFor) ? (
          <option value={filters.quietFor}>{filters.quietFor === '1' ? '1 day' : `${filters.quietFor} days`}</option>
        ) : null}
      </FilterSelect>
      <div>
        <label htmlFor="envelope-waiting-on" className={LABEL}>
          Waiting on
        </label>
        <input
          id="envelope-waiting-on"
          type="search"
          name="waitingOn"
          defaultValue={filters.waitingOn}
          maxLength={200}
          placeholder="Name or e-mail"
          className={FIELD}
        />
      </div>
      <FilterSelect
        id="envelope-sort"
        name="sort"
        label="Sort by"
        value={order.sort}
        allLabel=""
        options={SORT_OPTIONS}
        hideAll
      />
      <FilterSelect
        id="envelope-dir"
        name="dir"
        label="Order"
        value={order.dir}
        allLabel=""
        options={[
          { value: 'desc', label: 'Descending (newest, latest first)' },
          { value: 'asc', label: 'Ascending (oldest, soonest first)' },
        ]}
        hideAll
      />
      <label className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          role="switch"
          name="tests"
          value="include"
          defaultChecked={filters.tests === 'include'}
          className="size-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        />
        Show test envelopes
      </label>
      {filters.limit ? <input type="hidden" name="limit" value={filters.limit} /> : null}
      <FilterActions submitLabel="Search" clearHref={hasActiveFilters(filters) ? '/' : null} />
      <p id="envelope-dates-hint" className="col-span-2 text-xs text-slate-600 lg:col-span-4">
        Dates are days in your time zone ({timeZone}) and apply to each envelope&apos;s last activity.
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

/** A date field shows only YYYY-MM-DD; a time from the URL (the reader's day, with its offset) shows as its day. */
function dateValue(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
}
