import { ALERT_RETRY_DELAYS_MS } from '@/app/lib/alerts/alert-delivery-schedule';
import { ALERT_ROUND_INTERVAL_MS } from '@/app/lib/alerts/alert-worker';
import { formatDuration } from '@/app/ui/format/duration';

function listInWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// Breakable anywhere: the example URL is wider than a phone.
const code = (name: string) => <code className="wrap-anywhere font-mono text-[0.8125rem]">{name}</code>;

/** How alerting behaves, told from the worker's own schedule so the two never disagree. */
export function AlertsExplained() {
  return (
    <details className="group rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      <summary className="w-fit cursor-pointer font-medium text-slate-800">How alerts are sent</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Rules are checked every {formatDuration(ALERT_ROUND_INTERVAL_MS)}: a rejection, expiry, cancellation or
          completion, documents not fetched and a status the signing service contradicts raise their alert within
          seconds; the conditions that last (stuck, waiting for a signature, expiring soon, a silent signing service,
          refused notifications) are checked once a minute.
        </li>
        <li>
          An alert fires once per occasion: an envelope rejected raises one alert, however many notifications repeat it.
          It can fire again only after the condition ended and came back.
        </li>
        <li>
          Each channel gets at most one message per envelope and rule an hour; alerts raised meanwhile are folded into
          the next message.
        </li>
        <li>
          A message that could not be sent is tried again after {listInWords(ALERT_RETRY_DELAYS_MS.map(formatDuration))}
          , then marked failed.
        </li>
        <li>
          A new rule watches from now on: earlier events raise nothing, conditions that already hold do at the next
          check.
        </li>
        <li>
          E-mail goes through the mail server in {code('SMTP_URL')} (e.g.{' '}
          {code('smtp://user:password@mail.example.com:587')}), from the sender in {code('ALERT_EMAIL_FROM')}; both are
          set on the server, which is then restarted.
        </li>
        <li>Slack and Teams URLs let anyone post to the channel: once saved, they are only shown in part.</li>
      </ul>
    </details>
  );
}
