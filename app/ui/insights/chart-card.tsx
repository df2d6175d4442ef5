/**
 * A chart with everything that makes it readable without seeing it: a title, what it measures, a sentence that says
 * what it shows, and the numbers as a table behind a toggle. The picture itself is hidden from screen readers, which
 * get the sentence and the table instead.
 */
export function ChartCard(props: {
  id: string;
  title: string;
  description: string;
  summary: string;
  /** Shown instead of the chart and table when there is nothing to draw: say what to do about it. */
  empty: React.ReactNode | null;
  chart: React.ReactNode;
  table: React.ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={`${props.id}-title`}
      data-testid={props.id}
      className={`flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${props.className ?? ''}`}
    >
      <h2 id={`${props.id}-title`} className="text-base font-semibold text-slate-900">
        {props.title}
      </h2>
      <p className="mt-0.5 text-xs text-slate-600">{props.description}</p>
      <p className="mt-3 text-sm text-slate-800" data-testid={`${props.id}-summary`}>
        {props.summary}
      </p>
      {props.empty ? (
        <div className="mt-4 flex min-h-40 flex-1 items-center justify-center rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center text-sm text-slate-700">
          <div className="max-w-prose">{props.empty}</div>
        </div>
      ) : (
        <>
          <div aria-hidden className="mt-4 min-w-0">
            {props.chart}
          </div>
          <details className="group mt-3 text-sm">
            <summary className="w-fit cursor-pointer rounded font-medium text-brand-700 underline-offset-2 hover:underline">
              <span className="group-open:hidden">Show the numbers</span>
              <span className="hidden group-open:inline">Hide the numbers</span>
            </summary>
            <div className="mt-2">{props.table}</div>
          </details>
        </>
      )}
    </section>
  );
}

/** A small table of a chart's numbers; the first column names the row. */
export function ChartDataTable(props: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <div className="max-h-80 overflow-auto rounded-md border border-slate-200">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            {props.columns.map((column, index) => (
              <th
                key={column}
                scope="col"
                className={`px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 ${index === 0 ? 'text-left' : 'text-right'}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.rows.map(([first, ...rest]) => (
            <tr key={String(first)}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-800">
                {first}
              </th>
              {rest.map((cell, index) => (
                <td key={index} className="px-3 py-1.5 text-right tabular-nums text-slate-800">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
