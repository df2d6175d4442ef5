'use client';

import type { EnvelopeEvent, EnvelopeRecipient } from '@/app/lib/envelopes/envelope-detail-schema';
import { formatExactTime } from '@/app/ui/format/exact-time';
import { toTimelineSteps, type StepTone, type TimelineStep } from './timeline-steps';
import { useDisplayTimeZone } from '@/app/ui/format/time-zone-context';
import { ExactTime } from './time-stamps';

const DOT_STYLES: Record<StepTone, string> = {
  invited: 'bg-sky-600',
  opened: 'bg-violet-600',
  signed: 'bg-emerald-600',
  problem: 'bg-red-600',
  finished: 'bg-emerald-700 ring-emerald-200',
  other: 'bg-slate-400',
};

const BADGE = 'rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

/** Every stored notification, oldest first, with the pauses between them and the request behind each. */
export function EventTimeline({
  events,
  recipients = [],
}: {
  events: EnvelopeEvent[];
  recipients?: Pick<EnvelopeRecipient, 'order' | 'email' | 'name'>[];
}) {
  const steps = toTimelineSteps(events, recipients);
  return (
    <ol aria-label="Timeline">
      {steps.map((step) => (
        <TimelineItem key={step.id} step={step} />
      ))}
    </ol>
  );
}

function TimelineItem({ step }: { step: TimelineStep }) {
  const timeZone = useDisplayTimeZone();
  return (
    // The connecting line runs from each dot to the next one, so it stops at the last step.
    <li className="relative pb-6 pl-8 before:absolute before:bottom-0 before:left-[7px] before:top-5 before:w-0.5 before:bg-slate-200 last:pb-0 last:before:hidden">
      <span
        aria-hidden
        className={`absolute left-0 top-1 size-4 rounded-full border-2 border-white ring-2 ring-slate-200 ${DOT_STYLES[step.tone]}`}
      />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <p className="font-medium text-slate-900">{step.label}</p>
        {step.isFinishCallback ? (
          <span className={`${BADGE} bg-emerald-50 text-emerald-800 ring-emerald-600/30`}>Finish callback</span>
        ) : null}
        {step.fromSigningService ? (
          <span
            className={`${BADGE} bg-sky-50 text-sky-900 ring-sky-600/30`}
            title="No notification reported this; the signing service did when it was asked"
          >
            From the signing service
          </span>
        ) : null}
      </div>
      {step.recipient ? <p className="break-all text-sm text-slate-700">{step.recipient}</p> : null}
      <p className="mt-0.5 text-xs text-slate-600">
        <ExactTime iso={step.occurredAt} />
        {step.sincePrevious ? (
          <>
            <span aria-hidden> · </span>
            <span className="sr-only">, </span>
            <span title="Time since the previous step">{step.sincePrevious}</span>
          </>
        ) : null}
      </p>
      {step.repeatNote ? (
        <p
          className="mt-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
          title={step.lastRepeatAt ? `Last copy ${formatExactTime(step.lastRepeatAt, timeZone)}` : undefined}
        >
          {step.repeatNote}
        </p>
      ) : null}
      {step.rawNotification ? <RawNotification json={step.rawNotification} cut={step.rawNotificationCut} /> : null}
    </li>
  );
}

function RawNotification({ json, cut }: { json: string; cut: boolean }) {
  return (
    <details className="mt-1.5">
      <summary className="w-fit cursor-pointer select-none text-xs font-medium text-brand-700 hover:underline">
        Raw notification
      </summary>
      <pre className="mt-1 max-h-72 overflow-auto whitespace-pre rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800">
        {json}
      </pre>
      {cut ? (
        <p className="mt-1 text-xs text-slate-600">Cut short here; the Deliveries page shows the whole request.</p>
      ) : null}
    </details>
  );
}
