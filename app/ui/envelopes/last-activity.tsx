import { actionLabel } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { RelativeTime } from './time-stamps';

/** What happened last to an envelope, and how long ago. */
export function LastActivity({ action, at, now }: { action: string; at: string; now: Date }) {
  return (
    <>
      <p className="font-medium text-slate-800">{actionLabel(action)}</p>
      <RelativeTime iso={at} now={now} className="text-xs text-slate-600" />
    </>
  );
}
