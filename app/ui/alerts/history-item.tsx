'use client';

import { EnvelopeLink } from '@/app/ui/envelopes/envelope-link';
import { ExactTime, RelativeTime } from '@/app/ui/envelopes/time-stamps';
import { formatDuration } from '@/app/ui/format/duration';
import type { AlertHistoryItem } from './alert-api';
import { alertKindTitle } from './alert-kind-title';
import { AlertStatusBadge } from './alert-status-badge';

function attemptsInWords(item: AlertHistoryItem): string {
  if (item.attempts === 0) return 'not tried yet';
  return `${item.attempts} ${item.attempts === 1 ? 'attempt' : 'attempts'}`;
}

/** One alert message on one channel: what it said, where it went, where it stands. */
export function HistoryItem({ item, now }: { item: AlertHistoryItem; now: Date }) {
  const took = item.sentAt ? Date.parse(item.sentAt) - Date.parse(item.raisedAt) : null;
  return (
    <li data-testid="alert-history-item" data-status={item.status} className="py-3">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <AlertStatusBadge status={item.status} />
        {item.status === 'pending' && item.nextAttemptAt ? (
          <span className="text-xs text-amber-900">
            next attempt at <ExactTime iso={item.nextAttemptAt} />
          </span>
        ) : null}
        <span className="text-xs text-slate-500">
          <span className="font-medium text-slate-700">{alertKindTitle(item.kind)}</span> · to{' '}
          <span className="font-medium text-slate-700">{item.channelName}</span>
        </span>
      </p>
      <p className="mt-1 break-words text-sm text-slate-900">{item.summary}</p>
      <p className="mt-1 flex flex-wrap gap-x-1 text-xs text-slate-500">
        <span>
          Raised <RelativeTime iso={item.raisedAt} now={now} />
        </span>
        {took !== null ? <span>· sent after {formatDuration(took)}</span> : null}
        <span>· {attemptsInWords(item)}</span>
        {item.envelopeId ? (
          <span>
            · envelope <EnvelopeLink id={item.envelopeId} />
          </span>
        ) : null}
      </p>
      {item.error ? <p className="mt-1 break-words text-xs text-red-800">{item.error}</p> : null}
    </li>
  );
}
