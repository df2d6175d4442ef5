import Link from 'next/link';

export const FILTER_LABEL = 'block text-sm font-medium text-slate-700';
export const FILTER_FIELD =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

export type HookOption = { id: string; name: string; revoked: boolean };

/** The hooks a list can be filtered by, revoked ones included: what they received is still listed. */
export function toHookOptions(hooks: { id: string; name: string; revokedAt: Date | null }[]): HookOption[] {
  return hooks.map((hook) => ({ id: hook.id, name: hook.name, revoked: hook.revokedAt !== null }));
}

/** A labelled select of a GET filter form; the empty first option means no filter. */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  allLabel: string;
  options: { value: string; label: string }[];
  /** No empty first option: one of the options is always chosen (a sort order, say). */
  hideAll?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={props.id} className={FILTER_LABEL}>
        {props.label}
      </label>
      <select id={props.id} name={props.name} defaultValue={props.value} className={FILTER_FIELD}>
        {props.hideAll ? null : <option value="">{props.allLabel}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {props.children}
      </select>
    </div>
  );
}

export function HookFilter({ id, value, hooks }: { id: string; value: string; hooks: HookOption[] }) {
  const known = value === '' || hooks.some((hook) => hook.id === value);
  return (
    <FilterSelect
      id={id}
      name="hook"
      label="Hook"
      value={value}
      allLabel="All hooks"
      options={hooks.map((hook) => ({ value: hook.id, label: hook.revoked ? `${hook.name} (revoked)` : hook.name }))}
    >
      {/* A hook id from a hand-written URL stays selected, so the form does not silently widen the filter. */}
      {known ? null : <option value={value}>{value}</option>}
    </FilterSelect>
  );
}

/** The submit button of a filter form and, while a filter is set, the link back to the whole list. */
export function FilterActions(props: { submitLabel: string; clearHref: string | null; className?: string }) {
  return (
    <div className={`flex items-center gap-3 ${props.className ?? ''}`}>
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {props.submitLabel}
      </button>
      {props.clearHref ? (
        <Link
          href={props.clearHref}
          className="text-sm text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
        >
          Clear
        </Link>
      ) : null}
    </div>
  );
}
