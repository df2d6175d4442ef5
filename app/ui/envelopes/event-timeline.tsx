import type { EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { formatExactTime } from '@/app/ui/format/exact-time';
import { toTimelineSteps, type StepTone, type TimelineStep } from './timeline-steps';
import { ExactTime } from './time-stamps';

const DOT_STYLES: Record<StepTone, string> = {
  invited: 'bg-sky-600',
  opened: 'bg-violet-600',
  signed: 'bg-emerald-600',
  problem: 'bg-red-600',
  finished: 'bg-emerald-700 ring-emerald-200',
  other: 'bg-slate-400',
};

/** Every stored notification, oldest first, with the pauses between them. */
export function EventTimeline({ events }: { events: EnvelopeDetail['events'] }) {
  const steps = toTimelineSteps(events);
  return (
    <ol aria-label="Timeline">
      {steps.map((step) => (
        <TimelineItem key={step.id} step={step} />
      ))}
    </ol>
  );
}

function TimelineItem({ step }: { step: TimelineStep }) {
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
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-600/30">
            Finish callback
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
          title={step.lastRepeatAt ? `Last copy ${formatExactTime(step.lastRepeatAt)}` : undefined}
        >
          {step.repeatNote}
        </p>
      ) : null}
    </li>
  );
}
