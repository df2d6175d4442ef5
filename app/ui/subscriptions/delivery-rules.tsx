import {
  DELIVERY_TIMEOUT_MS,
  DISABLE_AFTER_FAILING_MS,
  RETRY_DELAYS_MS,
  SECRET_OVERLAP_MS,
} from '@/app/lib/subscriptions/delivery-schedule';
import { formatDuration } from '@/app/ui/format/duration';

function listInWords(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How events travel to a subscription, told from the sender's own schedule so the two never disagree. */
export function DeliveryRules() {
  const header = (name: string) => <code className="font-mono text-[0.8125rem]">{name}</code>;
  return (
    <details className="group rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <summary className="w-fit cursor-pointer font-medium text-slate-800">How events are delivered</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Each event is a JSON <code className="font-mono text-[0.8125rem]">POST</code> signed per Standard Webhooks:{' '}
          {header('webhook-id')}, {header('webhook-timestamp')} and {header('webhook-signature')}. The same webhook-id
          may arrive twice: process each once.
        </li>
        <li>An answer of 2xx within {formatDuration(DELIVERY_TIMEOUT_MS)} delivers it; redirects are not followed.</li>
        <li>
          Otherwise it is tried again after {listInWords(RETRY_DELAYS_MS.map(formatDuration))}, then marked failed
          (Resend sends it again).
        </li>
        <li>The events of one envelope arrive in order: a later one waits while an earlier one is retried.</li>
        <li>
          A subscription whose every request failed for {formatDuration(DISABLE_AFTER_FAILING_MS)} is disabled until you
          enable it again.
        </li>
        <li>
          Rotating the key makes a new one; the previous one keeps signing alongside it for{' '}
          {formatDuration(SECRET_OVERLAP_MS)}.
        </li>
        <li>In production only https addresses are accepted, except loopback and private networks.</li>
      </ul>
    </details>
  );
}
