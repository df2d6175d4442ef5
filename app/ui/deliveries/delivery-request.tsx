import { CodeBlock, RawDisclosure } from '@/app/ui/raw-disclosure';
import type { DeliveryRow } from './delivery-table';

const LABEL = 'text-xs font-semibold uppercase tracking-wide text-slate-600';
const WRAPPED = 'max-h-64 whitespace-pre-wrap break-all';

/** The request exactly as the sender made it, for comparing against the sender's own configuration. */
export function DeliveryRequest({ delivery }: { delivery: DeliveryRow }) {
  const requestLine = `${delivery.method} ${delivery.query ? `?${delivery.query}` : '(no query string)'}`;
  return (
    // Sticky so the panel stays in view on a phone while the wide table row scrolls sideways.
    <RawDisclosure label="Raw request" className="sticky left-4 max-w-[calc(100vw-4rem)] sm:static sm:max-w-none">
      <div className="mt-2 space-y-3">
        <CodeBlock className={WRAPPED}>{requestLine}</CodeBlock>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
          <dt className={LABEL}>Content type</dt>
          <dd className="font-mono text-xs text-slate-800">{delivery.contentType ?? '—'}</dd>
          <dt className={LABEL}>Source address</dt>
          <dd className="font-mono text-xs text-slate-800">{delivery.sourceAddress ?? '—'}</dd>
        </dl>
        <div>
          <p className={LABEL}>Headers</p>
          <CodeBlock className={WRAPPED}>{JSON.stringify(delivery.headers, null, 2)}</CodeBlock>
        </div>
        <div>
          <p className={LABEL}>Body</p>
          {delivery.body ? (
            <CodeBlock className={WRAPPED}>{delivery.body}</CodeBlock>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No body.</p>
          )}
        </div>
      </div>
    </RawDisclosure>
  );
}
