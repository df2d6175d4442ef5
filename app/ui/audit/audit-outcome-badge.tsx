// Same pale-tint scheme as the other badges: the label, not the colour, carries the meaning.
const OUTCOMES: Record<string, { label: string; tone: string }> = {
  success: { label: 'Success', tone: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30' },
  failure: { label: 'Failed', tone: 'bg-red-50 text-red-800 ring-red-600/30' },
  refused: { label: 'Refused', tone: 'bg-amber-50 text-amber-900 ring-amber-600/30' },
};

/** How the action went: done, tried and failed, or not allowed (too many sign-in attempts, say). */
export function AuditOutcomeBadge({ outcome }: { outcome: string }) {
  const shown = Object.hasOwn(OUTCOMES, outcome)
    ? OUTCOMES[outcome]!
    : { label: outcome, tone: 'bg-slate-100 text-slate-700 ring-slate-500/30' };
  return (
    <span
      data-testid="audit-outcome"
      data-outcome={outcome}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${shown.tone}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {shown.label}
    </span>
  );
}
