/** The event types a subscription receives; none listed means all. */
export function SubscribedTypes({ types }: { types: string[] }) {
  if (types.length === 0) return <p className="text-sm text-slate-800">All event types</p>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {types.map((type) => (
        <li key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
          {type}
        </li>
      ))}
    </ul>
  );
}
