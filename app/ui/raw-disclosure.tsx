/** A small "Raw …" toggle that opens what was received exactly as it came. */
export function RawDisclosure(props: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <details className={props.className}>
      <summary className="w-fit cursor-pointer select-none text-xs font-medium text-brand-700 hover:underline">
        {props.label}
      </summary>
      {props.children}
    </details>
  );
}

/** Received text in a scrolling box; `className` sets its height and how lines wrap. */
export function CodeBlock(props: { className: string; children: React.ReactNode }) {
  return (
    <pre
      className={`mt-1 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800 ${props.className}`}
    >
      {props.children}
    </pre>
  );
}
