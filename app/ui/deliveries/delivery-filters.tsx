import Form from 'next/form';
import Link from 'next/link';
import { DELIVERY_OUTCOMES } from '@/app/lib/deliveries/delivery-schemas';
import { hasActiveDeliveryFilters, type DeliveryFilters } from './delivery-list-params';
import { outcomeLabel } from './outcome-badge';

const FIELD =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

export type HookOption = { id: string; name: string; revoked: boolean };

/** A GET form: the filters end up in the URL, so a filtered log can be shared with the sender's developers. */
export function DeliveryFilters({ filters, hooks }: { filters: DeliveryFilters; hooks: HookOption[] }) {
  const knownHook = filters.hook === '' || hooks.some((hook) => hook.id === filters.hook);
  return (
    // The key remounts the form when the URL changes (e.g. "Clear"), so its uncontrolled fields show the new values.
    <Form
      key={JSON.stringify(filters)}
      action="/deliveries"
      role="search"
      aria-label="Filter deliveries"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[minmax(0,16rem)_12rem_auto] sm:items-end"
    >
      <div>
        <label htmlFor="delivery-hook" className="block text-sm font-medium text-slate-700">
          Hook
        </label>
        <select id="delivery-hook" name="hook" defaultValue={filters.hook} className={FIELD}>
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
        <label htmlFor="delivery-outcome" className="block text-sm font-medium text-slate-700">
          Outcome
        </label>
        <select id="delivery-outcome" name="outcome" defaultValue={filters.outcome} className={FIELD}>
          <option value="">All outcomes</option>
          {DELIVERY_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabel(outcome)}
            </option>
          ))}
        </select>
      </div>
      {/* Filters the form has no field for (links from an envelope) survive a new filter. */}
      {(['envelope', 'limit'] as const).map((key) =>
        filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null,
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
        >
          Filter
        </button>
        {hasActiveDeliveryFilters(filters) ? (
          <Link
            href="/deliveries"
            className="text-sm text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
