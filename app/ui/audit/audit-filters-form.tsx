'use client';

import { useRouter } from 'next/navigation';
import { AUDIT_ACTIONS } from '@/app/lib/audit/audit-actions';
import { useDisplayTimeZone } from '@/app/ui/format/time-zone-context';
import { FILTER_FIELD as FIELD, FILTER_LABEL as LABEL, FilterActions, FilterSelect } from '@/app/ui/list/filter-fields';
import {
  AUDIT_FILTER_KEYS,
  auditPageHref,
  fromDay,
  hasActiveAuditFilters,
  toDay,
  withDaysAsInstants,
  type AuditFilters,
} from './audit-filters';
import { actionFilterLabel } from './audit-labels';

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));

/**
 * A GET form: the filters end up in the URL, so a filtered view can be shared. With JavaScript the picked days become
 * instants in the reader's time zone, so whoever opens the link sees the same entries; without, the browser submits
 * the days as they are and the page reads them in the zone it knows for the reader.
 */
export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  const router = useRouter();
  const timeZone = useDisplayTimeZone();
  const from = fromDay(filters.from);
  const to = toDay(filters.to);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      AUDIT_FILTER_KEYS.map((key) => [key, String(data.get(key) ?? '').trim()]),
    ) as AuditFilters;
    router.push(auditPageHref(withDaysAsInstants(values, timeZone)));
  }

  return (
    // The key remounts the form when the URL changes (e.g. "Clear"), so its uncontrolled fields show the new values.
    <form
      key={JSON.stringify(filters)}
      action="/audit"
      method="get"
      onSubmit={submit}
      role="search"
      aria-label="Filter the audit log"
      className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,1fr)_9.5rem_9.5rem_auto]"
    >
      <div className="col-span-2 lg:col-span-1">
        <FilterSelect
          id="audit-action"
          name="action"
          label="Action"
          value={filters.action}
          allLabel="All actions"
          options={ACTION_OPTIONS}
        >
          {/* Several actions, or one from a hand-written URL, stay selected rather than silently widening the view. */}
          {filters.action && !Object.hasOwn(AUDIT_ACTIONS, filters.action) ? (
            <option value={filters.action}>{actionFilterLabel(filters.action)}</option>
          ) : null}
        </FilterSelect>
      </div>
      <TextFilter name="actor" label="Actor" value={filters.actor} placeholder="e.g. ana@example.com" />
      <TextFilter name="target" label="Target" value={filters.target} placeholder="Id or hook name" />
      <DateFilter name="from" label="From" value={from} max={to} />
      <DateFilter name="to" label="To" value={to} min={from} />
      <FilterActions
        submitLabel="Filter"
        clearHref={hasActiveAuditFilters(filters) ? '/audit' : null}
        className="col-span-2 lg:col-span-1"
      />
      <p id="audit-filters-hint" className="col-span-2 text-xs text-slate-600 lg:col-span-6">
        Actor and target match exactly, as an entry shows them. Days are whole days in your time zone ({timeZone}).
      </p>
    </form>
  );
}

function TextFilter(props: { name: 'actor' | 'target'; label: string; value: string; placeholder: string }) {
  return (
    <div className="min-w-0">
      <label htmlFor={`audit-${props.name}`} className={LABEL}>
        {props.label}
      </label>
      <input
        id={`audit-${props.name}`}
        type="search"
        name={props.name}
        defaultValue={props.value}
        maxLength={props.name === 'actor' ? 320 : 200}
        placeholder={props.placeholder}
        className={FIELD}
        aria-describedby="audit-filters-hint"
      />
    </div>
  );
}

/** A whole day; `min` and `max` keep the range the right way round. */
function DateFilter(props: { name: 'from' | 'to'; label: string; value: string; min?: string; max?: string }) {
  return (
    <div className="min-w-0">
      <label htmlFor={`audit-${props.name}`} className={LABEL}>
        {props.label}
      </label>
      <input
        id={`audit-${props.name}`}
        type="date"
        name={props.name}
        defaultValue={props.value}
        min={props.min || undefined}
        max={props.max || undefined}
        className={FIELD}
        aria-describedby="audit-filters-hint"
      />
    </div>
  );
}
