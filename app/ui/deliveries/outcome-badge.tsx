// Same pale-tint scheme as the envelope status badges: the label, not the colour, carries the meaning.
const OUTCOME_STYLES: Record<string, string> = {
  accepted: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  duplicate: 'bg-sky-50 text-sky-800 ring-sky-600/30',
  rejected: 'bg-red-50 text-red-800 ring-red-600/30',
};

const OUTCOME_LABELS: Record<string, string> = { accepted: 'Accepted', duplicate: 'Duplicate', rejected: 'Rejected' };

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? outcome;
}

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${OUTCOME_STYLES[outcome] ?? 'bg-slate-100 text-slate-700 ring-slate-500/30'}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {outcomeLabel(outcome)}
    </span>
  );
}
