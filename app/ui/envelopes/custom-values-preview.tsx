const SHOWN = 2;

/** The first custom values of an envelope, enough to recognise it in a list (contract number, customer…). */
export function CustomValuesPreview({ values }: { values: Record<string, string> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <span className="text-slate-500">None</span>;
  const hidden = entries.length - SHOWN;
  return (
    <ul className="space-y-0.5">
      {entries.slice(0, SHOWN).map(([key, value]) => (
        <li key={key} className="max-w-56 truncate" title={`${key}: ${value}`}>
          <span className="text-slate-500">{key}:</span> <span className="font-medium text-slate-800">{value}</span>
        </li>
      ))}
      {hidden > 0 ? <li className="text-xs text-slate-500">+{hidden} more</li> : null}
    </ul>
  );
}
