import Form from 'next/form';
import Link from 'next/link';
import { ENVELOPE_STATUSES } from '@/app/lib/envelopes/envelope-schemas';
import { statusLabel } from '@/app/ui/format/status-label';
import { hasActiveFilters, type ListFilters } from './envelope-list-params';

const FIELD =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

/** A GET form: the filters end up in the URL, so results can be bookmarked and shared. */
export function EnvelopeFilters({ filters }: { filters: ListFilters }) {
  return (
    // The key remounts the form when the URL changes (e.g. "Clear"), so its uncontrolled fields show the new values.
    <Form
      key={JSON.stringify(filters)}
      action="/"
      role="search"
      aria-label="Filter envelopes"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-end"
    >
      <div>
        <label htmlFor="envelope-search" className="block text-sm font-medium text-slate-700">
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
        <label htmlFor="envelope-status" className="block text-sm font-medium text-slate-700">
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
      {/* Filters the form has no field for (links from elsewhere) survive a new search. */}
      {(['hook', 'from', 'to', 'limit'] as const).map((key) =>
        filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null,
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
        >
          Search
        </button>
        {hasActiveFilters(filters) ? (
          <Link href="/" className="text-sm text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline">
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
