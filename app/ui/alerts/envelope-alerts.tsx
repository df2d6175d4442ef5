import Link from 'next/link';
import type { EnvelopeAlert } from '@/app/lib/alerts/list-envelope-alerts';
import { SectionCard } from '@/app/ui/envelopes/section-card';
import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { AlertStatusBadge } from './alert-status-badge';

const ENDED_BADGE =
  'inline-flex items-center whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-500/30';

/**
 * The alerts raised for this envelope, newest first, and where each went; nothing at all when there were none.
 * `mayConfigure`: whether the visitor may open the Alerts page (admin), else it is named without a link.
 */
export function EnvelopeAlerts({ alerts, mayConfigure }: { alerts: EnvelopeAlert[]; mayConfigure: boolean }) {
  if (alerts.length === 0) return null;
  return (
    <SectionCard id="alerts-heading" title="Alerts">
      <ol className="divide-y divide-slate-100">
        {alerts.map((alert) => (
          <li key={alert.id} data-testid="envelope-alert" className="py-3 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <h3 className="text-sm font-semibold text-slate-900">{alert.title}</h3>
              {alert.endedAt ? <span className={ENDED_BADGE}>Ended</span> : null}
            </div>
            <p className="mt-0.5 break-words text-sm text-slate-700">{alert.summary}</p>
            <p className="mt-0.5 text-xs text-slate-500">
              Raised <ExactTime iso={alert.raisedAt} />
              {alert.endedAt ? (
                <>
                  {' '}
                  · ended <ExactTime iso={alert.endedAt} />
                </>
              ) : null}
            </p>
            {alert.channels.length === 0 ? (
              <p className="mt-2 text-xs text-slate-600">Sent nowhere: its channels have been removed.</p>
            ) : (
              <ul aria-label="Sent to" className="mt-2 space-y-1.5">
                {alert.channels.map((channel, index) => (
                  <li key={index} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-800">
                    <AlertStatusBadge status={channel.status} />
                    <span className="min-w-0 break-words">{channel.name}</span>
                    {channel.sentAt ? (
                      <span className="text-xs text-slate-500">
                        sent <ExactTime iso={channel.sentAt} />
                      </span>
                    ) : null}
                    {channel.error ? (
                      <span className="basis-full break-words text-xs text-red-800">{channel.error}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p className="mt-5 border-t border-slate-100 pt-3 text-xs text-slate-600">
        {mayConfigure ? (
          <Link href="/alerts" className="font-medium text-brand-700 hover:underline">
            Alert rules and channels
          </Link>
        ) : (
          'Alert rules and channels, which administrators set on the Alerts page,'
        )}{' '}
        decide what raises an alert and where it goes.
      </p>
    </SectionCard>
  );
}
