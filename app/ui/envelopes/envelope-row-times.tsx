'use client';

import { describeDeadline } from '@/app/ui/format/deadline';
import { formatExactTime } from '@/app/ui/format/exact-time';
import { useDisplayTimeZone, useNow, useRememberTimeZone } from '@/app/ui/format/time-zone-context';
import { RelativeTime } from './time-stamps';

const DEADLINE_TONES = {
  expired: 'text-slate-700',
  soon: 'rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900 ring-1 ring-inset ring-amber-600/40',
  later: 'text-slate-700',
};

/** "expires in 2 days" (highlighted within three days), "expired 3 h ago", or a dash when unknown or past caring. */
export function EnvelopeDeadline(props: { expiresAt: string | null; status: string; open: boolean; now: Date }) {
  const timeZone = useDisplayTimeZone();
  const current = useNow(props.now);
  useRememberTimeZone();
  const deadline = describeDeadline(props, current, timeZone);
  if (!deadline || !props.expiresAt) {
    return (
      <span className="text-slate-500">
        <span aria-hidden>—</span>
        <span className="sr-only">No deadline</span>
      </span>
    );
  }
  return (
    <time
      dateTime={props.expiresAt}
      title={formatExactTime(props.expiresAt, timeZone)}
      className={`inline-block text-sm ${DEADLINE_TONES[deadline.tone]}`}
      data-deadline={deadline.tone}
      suppressHydrationWarning
    >
      {deadline.text}
    </time>
  );
}

/** "Waiting on Ana Pop since 2 days ago": who holds an open envelope up. */
export function WaitingOn(props: { who: string; since: string | null; now: Date }) {
  return (
    <p className="text-xs text-slate-700">
      Waiting on <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{props.who}</span>
      {props.since ? (
        <>
          {' '}
          since <RelativeTime iso={props.since} now={props.now} />
        </>
      ) : null}
    </p>
  );
}
