import type { DeliveryRow } from './delivery-table';

const LABEL = 'text-xs font-semibold uppercase tracking-wide text-slate-600';
const CODE_BLOCK =
  'mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800';

/** The request exactly as the sender made it, for comparing against the sender's own configuration. */
export function DeliveryRequest({ delivery }: { delivery: DeliveryRow }) {
  const requestLine = `${delivery.method} ${delivery.query ? `?${delivery.query}` : '(no query string)'}`;
  return (
    // Sticky so the panel stays in view on a phone while the wide table row scrolls sideways.
    <details className="sticky left-4 max-w-[calc(100vw-4rem)] sm:static sm:max-w-none">
      <summary className="w-fit cursor-pointer select-none text-xs font-medium text-brand-700 hover:underline">
        Raw request
      </summary>
      <div className="mt-2 space-y-3">
        <pre className={CODE_BLOCK}>{requestLine}</pre>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
          <dt className={LABEL}>Content type</dt>
          <dd className="font-mono text-xs text-slate-800">{delivery.contentType ?? '—'}</dd>
          <dt className={LABEL}>Source address</dt>
          <dd className="font-mono text-xs text-slate-800">{delivery.sourceAddress ?? '—'}</dd>
        </dl>
        <div>
          <p className={LABEL}>Headers</p>
          <pre className={CODE_BLOCK}>{JSON.stringify(delivery.headers, null, 2)}</pre>
        </div>
        <div>
          <p className={LABEL}>Body</p>
          {delivery.body ? (
            <pre className={CODE_BLOCK}>{delivery.body}</pre>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No body.</p>
          )}
        </div>
      </div>
    </details>
  );
}
