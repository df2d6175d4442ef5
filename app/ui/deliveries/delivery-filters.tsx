import Form from 'next/form';
import { DELIVERY_OUTCOMES } from '@/app/lib/deliveries/delivery-schemas';
import { FilterActions, FilterSelect, HookFilter, type HookOption } from '@/app/ui/list/filter-fields';
import { hasActiveDeliveryFilters, type DeliveryFilters } from './delivery-list-params';
import { outcomeLabel } from './outcome-badge';

/** A GET form: the filters end up in the URL, so a filtered log can be shared with the sender's developers. */
export function DeliveryFilters({ filters, hooks }: { filters: DeliveryFilters; hooks: HookOption[] }) {
  return (
    // The key remounts the form when the URL changes (e.g. "Clear"), so its uncontrolled fields show the new values.
    <Form
      key={JSON.stringify(filters)}
      action="/deliveries"
      role="search"
      aria-label="Filter deliveries"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[minmax(0,16rem)_12rem_auto] sm:items-end"
    >
      <HookFilter id="delivery-hook" value={filters.hook} hooks={hooks} />
      <FilterSelect
        id="delivery-outcome"
        name="outcome"
        label="Outcome"
        value={filters.outcome}
        allLabel="All outcomes"
        options={DELIVERY_OUTCOMES.map((outcome) => ({ value: outcome, label: outcomeLabel(outcome) }))}
      />
      {/* Filters the form has no field for (links from an envelope) survive a new filter. */}
      {(['envelope', 'limit'] as const).map((key) =>
        filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null,
      )}
      <FilterActions submitLabel="Filter" clearHref={hasActiveDeliveryFilters(filters) ? '/deliveries' : null} />
    </Form>
  );
}
