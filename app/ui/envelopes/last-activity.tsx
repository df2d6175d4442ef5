import { lastEventLabel } from '@/app/lib/envelopes/last-event-label';
import { actionLabel } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import type { EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { RelativeTime } from './time-stamps';

/**
 * What happened last to an envelope, and how long ago. With the status, a finish reads as how the envelope ended
 * ("Rejected", never "Finished" for an envelope that did not complete).
 */
export function LastActivity(props: { action: string; at: string; now: Date; status?: EnvelopeStatus }) {
  return (
    <>
      <p className="font-medium text-slate-800">
        {props.status ? lastEventLabel(props.status, props.action) : actionLabel(props.action)}
      </p>
      <RelativeTime iso={props.at} now={props.now} className="text-xs text-slate-600" />
    </>
  );
}
