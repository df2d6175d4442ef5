'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ENVELOPE_STATUSES } from '@/app/lib/envelopes/envelope-schemas';
import { statusLabel } from '@/app/lib/format/status-label';
import { envelopeListHref, hasActiveFilters, LIST_FILTER_KEYS, type ListFilters } from './envelope-list-params';

const LABEL = 'block text-sm font-medium text-slate-700';
const FIELD =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

export type HookOption = { id: string; name: string; revoked: boolean };

/**
 * A GET form: the filters end up in the URL, so a view can be bookmarked and shared. With JavaScript the URL leaves
 * out empty fields; without, the browser submits the form as it is and the page reads it the same way.
 */
export function EnvelopeFilters({ filters, hooks }: { filters: ListFilters; hooks: HookOption[] }) {
  const router = useRouter();
  const knownHook = filters.hook === '' || hooks.some((hook) => hook.id === filters.hook);

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
      <div>
        <label htmlFor="envelope-hook" className={LABEL}>
          Hook
        </label>
        <select id="envelope-hook" name="hook" defaultValue={filters.hook} className={FIELD}>
          <option value="">All hooks</option>
          {hooks.map((hook) => (
            <option key={hook.id} value={hook.id}>
              {hook.revoked ? `${hook.name} (revoked)` : hook.name}
            </option>
          ))}
          {/* A hook id from a hand-written URL stays selected, so the form does not silently widen the filter. */}
          {knownHook ? null : <option value={filters.hook}>{filters.hook}</option>}
        </select>
      </div>
      <div>
        <label htmlFor="envelope-from" className={LABEL}>
          Active from
        </label>
        <input
          id="envelope-from"
          type="date"
          name="from"
          defaultValue={dateValue(filters.from)}
          max={dateValue(filters.to) || undefined}
          className={FIELD}
          aria-describedby="envelope-dates-hint"
        />
      </div>
      <div>
        <label htmlFor="envelope-to" className={LABEL}>
          Active to
        </label>
        <input
          id="envelope-to"
          type="date"
          name="to"
          defaultValue={dateValue(filters.to)}
          min={dateValue(filters.from) || undefined}
          className={FIELD}
          aria-describedby="envelope-dates-hint"
        />
      </div>
      {filters.limit ? <input type="hidden" name="limit" value={filters.limit} /> : null}
      <div className="col-span-2 flex items-center gap-3 lg:col-span-1">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Search
        </button>
        {hasActiveFilters(filters) ? (
          <Link href="/" className="text-sm text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
            Clear
          </Link>
        ) : null}
      </div>
      <p id="envelope-dates-hint" className="col-span-2 text-xs text-slate-600 lg:col-span-6">
        Dates are days in UTC and apply to each envelope&apos;s last activity.
      </p>
    </form>
  );
}

/** A date field shows only YYYY-MM-DD; a full time from a hand-written URL shows as its day. */
function dateValue(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
}
