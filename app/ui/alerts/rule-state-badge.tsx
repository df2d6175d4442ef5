// Same pale-tint scheme as the other badges: the label, not the colour, carries the meaning.
const STATES = {
  active: { label: 'Active', tone: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30' },
  paused: { label: 'Paused', tone: 'bg-slate-100 text-slate-700 ring-slate-500/30' },
} as const;

export function RuleStateBadge({ paused }: { paused: boolean }) {
  const state = STATES[paused ? 'paused' : 'active'];
  return (
    <span
      data-testid="alert-rule-state"
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${state.tone}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {state.label}
    </span>
  );
}
