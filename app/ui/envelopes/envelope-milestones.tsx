import type { EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { formatDuration, openToFinishMilliseconds } from '@/app/ui/format/duration';
import { envelopeEnding } from './envelope-ending';
import { ExactTime, RelativeTime } from './time-stamps';

type Milestones = Pick<EnvelopeDetail, 'status' | 'firstSeenAt' | 'firstOpenedAt' | 'finishedAt' | 'lastEventAt'> &
  Partial<Pick<EnvelopeDetail, 'recipients'>>;

const TERM = 'text-xs font-medium uppercase tracking-wide text-slate-500';

/**
 * First seen, first opened, how it ended and how long that took. The third tile says how the envelope ended
 * ("Completed", "Rejected" and by whom, "Expired", "Canceled"); only a completed envelope is called finished.
 */
export function EnvelopeMilestones({ envelope, now }: { envelope: Milestones; now: Date }) {
  const ending = envelopeEnding(envelope);
  const openToEnd = ending.durationTerm ? openToFinishMilliseconds(envelope.firstOpenedAt, ending.at) : null;
  return (
    <dl
      className="grid gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      data-testid="envelope-milestones"
    >
      <Milestone term="First seen" iso={envelope.firstSeenAt} now={now} />
      <Milestone term="First opened" iso={envelope.firstOpenedAt} now={now} />
      <Milestone term={ending.term} iso={ending.at} now={now} note={ending.summary} testId="envelope-ending" />
      {openToEnd !== null && ending.durationTerm ? (
        <div className="bg-white px-4 py-3">
          <dt className={TERM}>{ending.durationTerm}</dt>
          <dd className="mt-1 text-sm font-semibold text-slate-900">{formatDuration(openToEnd)}</dd>
        </div>
      ) : (
        <Milestone term="Last activity" iso={envelope.lastEventAt} now={now} />
      )}
    </dl>
  );
}

function Milestone({
  term,
  iso,
  now,
  note,
  testId,
}: {
  term: string;
  iso: string | null;
  now: Date;
  /** A sentence of its own under the time, e.g. "Rejected by Oliver Smith". */
  note?: string | null;
  testId?: string;
}) {
  return (
    <div className="bg-white px-4 py-3" data-testid={testId}>
      <dt className={TERM}>{term}</dt>
      <dd className="mt-1 text-sm">
        {note ? <span className="block break-words font-semibold text-slate-900">{note}</span> : null}
        {iso ? (
          <>
            <ExactTime iso={iso} className={`block ${note ? 'text-slate-800' : 'font-semibold text-slate-900'}`} />
            <RelativeTime iso={iso} now={now} className="block text-xs text-slate-600" />
          </>
        ) : (
          <span className="text-slate-500">Not yet</span>
        )}
      </dd>
    </div>
  );
}
