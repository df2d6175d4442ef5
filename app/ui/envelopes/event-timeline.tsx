'use client';

import { useState } from 'react';
import {
  eventPageSchema,
  type EnvelopeEvent,
  type EnvelopeRecipient,
} from '@/app/lib/envelopes/envelope-detail-schema';
import { statusOutcome, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { countLabel } from '@/app/lib/format/count-label';
import { formatExactTime } from '@/app/ui/format/exact-time';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { toTimelineSteps, type StepTone, type TimelineStep } from './timeline-steps';
import { useDisplayTimeZone } from '@/app/ui/format/time-zone-context';
import { CodeBlock, RawDisclosure } from '@/app/ui/raw-disclosure';
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

/**
 * Every stored notification, oldest first, with the pauses between them and the request behind each. The page holds
 * the newest events (the live view keeps them current); older ones are loaded a page at a time on request.
 */
export function EventTimeline({
  envelopeId,
  events,
  eventCount = events.length,
  olderCursor = null,
  recipients = [],
  envelopeStatus,
}: {
  envelopeId: string;
  events: EnvelopeEvent[];
  eventCount?: number;
  olderCursor?: string | null;
  recipients?: (Pick<EnvelopeRecipient, 'order' | 'email' | 'name'> & Partial<Pick<EnvelopeRecipient, 'rejectedAt'>>)[];
  /** Names a finish callback of an envelope that did not complete for what it is; without it, a rejection tells. */
  envelopeStatus?: EnvelopeStatus;
}) {
  const earlier = useEarlierEvents(envelopeId, olderCursor, events);
  const newestIds = new Set(events.map((event) => event.id));
  const all = [...earlier.events.filter((event) => !newestIds.has(event.id)), ...events];
  const outcome = envelopeStatus ? statusOutcome(envelopeStatus) : null;
  const endedUnsigned = envelopeStatus
    ? outcome !== null && outcome !== 'signed'
    : recipients.some((recipient) => Boolean(recipient.rejectedAt));
  const steps = toTimelineSteps(all, recipients, { endedUnsigned });
  const hidden = Math.max(0, eventCount - all.length);
  return (
    <>
      {earlier.cursor ? (
        <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <button
            type="button"
            onClick={earlier.load}
            disabled={earlier.loading}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {earlier.loading ? 'Loading…' : 'Show earlier events'}
          </button>
          {hidden > 0 ? <span className="text-xs text-slate-600">{countLabel(hidden, 'earlier event')}</span> : null}
          {earlier.error ? (
            <span role="alert" className="text-xs text-red-700">
              {earlier.error}
            </span>
          ) : null}
        </div>
      ) : null}
      <ol aria-label="Timeline">
        {steps.map((step) => (
          <TimelineItem key={step.id} step={step} />
        ))}
      </ol>
    </>
  );
}

function useEarlierEvents(envelopeId: string, newestPageCursor: string | null, newest: EnvelopeEvent[]) {
  const [events, setEvents] = useState<EnvelopeEvent[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Until a first older page is loaded, the newest page (kept current by the live view) says where older ones start.
  const next = cursor === undefined ? newestPageCursor : cursor;
  async function load() {
    if (!next) return;
    setLoading(true);
    setError(null);
    try {
      const page = await requestJson(
        `/api/envelopes/${encodeURIComponent(envelopeId)}/events?before=${encodeURIComponent(next)}`,
        { schema: eventPageSchema },
      );
      // The newest page moves on as events arrive; what it showed when older pages were asked for is kept too, so
      // no event falls between the two.
      setEvents((loaded) => {
        const kept = new Map([...page.items, ...loaded, ...newest].map((event) => [event.id, event]));
        return [...kept.values()];
      });
      setCursor(page.olderCursor);
    } catch (failure) {
      setError(describeFailure(failure, 'Earlier events could not be loaded'));
    } finally {
      setLoading(false);
    }
  }
  return { events, cursor: next, loading, error, load };
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
      {step.senderNote ? <p className="break-words text-sm text-slate-700">{step.senderNote}</p> : null}
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
    <RawDisclosure label="Raw notification" className="mt-1.5">
      <CodeBlock className="max-h-72 whitespace-pre">{json}</CodeBlock>
      {cut ? (
        <p className="mt-1 text-xs text-slate-600">Cut short here; the Deliveries page shows the whole request.</p>
      ) : null}
    </RawDisclosure>
  );
}
