import {
  statusLabel,
  statusTone,
  type EnvelopeStatus,
  type StatusTone,
} from '@/app/lib/envelopes/lifecycle/envelope-statuses';

// Each status names its tone in the lifecycle. Dark text on a pale tint keeps every badge well above 4.5:1 contrast;
// the label, not the colour, carries the meaning.
const TONE_STYLES: Record<StatusTone, string> = {
  sky: 'bg-sky-50 text-sky-800 ring-sky-600/30',
  violet: 'bg-violet-50 text-violet-800 ring-violet-600/30',
  amber: 'bg-amber-50 text-amber-900 ring-amber-600/40',
  emerald: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/30',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/30',
  stone: 'bg-stone-100 text-stone-700 ring-stone-500/30',
};

export function StatusBadge({ status }: { status: EnvelopeStatus }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_STYLES[statusTone(status)]}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {statusLabel(status)}
    </span>
  );
}

/** A final status a notification reported that the signing service has not confirmed: shown beside the real one. */
export function ClaimedStatusBadge({ status }: { status: EnvelopeStatus }) {
  return (
    <span
      title={`A notification reported the envelope ${statusLabel(status).toLowerCase()}; the signing service has not confirmed it`}
      className="inline-flex items-center whitespace-nowrap rounded-full border border-dashed border-slate-400 px-2 py-0.5 text-xs font-medium text-slate-700"
    >
      {statusLabel(status)}? · unconfirmed
    </span>
  );
}
