/** Every value the integrator put in the callback URL, as a definition list. */
export function CustomValuesList({ values }: { values: Record<string, string> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) {
    return <p className="text-sm text-slate-500">None: the callback URL carried no extra parameters.</p>;
  }
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {entries.map(([key, value]) => (
        <div key={key} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 py-2 first:pt-0 last:pb-0">
          <dt className="break-words text-slate-500">{key}</dt>
          <dd className="break-words font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
