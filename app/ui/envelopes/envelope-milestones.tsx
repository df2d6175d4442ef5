import type { EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { formatDuration, openToFinishMilliseconds } from '@/app/ui/format/duration';
import { ExactTime, RelativeTime } from './time-stamps';

type Milestones = Pick<EnvelopeDetail, 'firstSeenAt' | 'firstOpenedAt' | 'finishedAt' | 'lastEventAt'>;

export function EnvelopeMilestones({ envelope, now }: { envelope: Milestones; now: Date }) {
  const openToFinish = openToFinishMilliseconds(envelope.firstOpenedAt, envelope.finishedAt);
  return (
    <dl className="grid gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 shadow-sm sm:grid-cols-2 lg:grid-cols-4">
      <Milestone term="First seen" iso={envelope.firstSeenAt} now={now} />
      <Milestone term="First opened" iso={envelope.firstOpenedAt} now={now} />
      <Milestone term="Finished" iso={envelope.finishedAt} now={now} />
      {openToFinish !== null ? (
        <div className="bg-white px-4 py-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">First open to finished</dt>
          <dd className="mt-1 text-sm font-semibold text-slate-900">{formatDuration(openToFinish)}</dd>
        </div>
      ) : (
        <Milestone term="Last activity" iso={envelope.lastEventAt} now={now} />
      )}
    </dl>
  );
}

function Milestone({ term, iso, now }: { term: string; iso: string | null; now: Date }) {
  return (
    <div className="bg-white px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-1 text-sm">
        {iso ? (
          <>
            <ExactTime iso={iso} className="block font-semibold text-slate-900" />
            <RelativeTime iso={iso} now={now} className="block text-xs text-slate-600" />
          </>
        ) : (
          <span className="text-slate-500">Not yet</span>
        )}
      </dd>
    </div>
  );
}
