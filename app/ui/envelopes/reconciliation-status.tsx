'use client';

import type { ReconciliationDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { summarizeReconciliation, type ReconciliationTone } from './reconciliation-summary';
import { ExactTime, RelativeTime } from './time-stamps';

const TONE_STYLES: Record<ReconciliationTone, { text: string; icon: string; mark: string }> = {
  confirmed: { text: 'text-emerald-800', icon: 'bg-emerald-100 text-emerald-800', mark: '✓' },
  warning: { text: 'text-amber-900', icon: 'bg-amber-100 text-amber-900', mark: '!' },
  problem: { text: 'text-red-800', icon: 'bg-red-100 text-red-800', mark: '!' },
  info: { text: 'text-sky-900', icon: 'bg-sky-100 text-sky-900', mark: 'i' },
  muted: { text: 'text-slate-600', icon: 'bg-slate-100 text-slate-600', mark: '–' },
};

/** One line on what the signing service itself says about the envelope's status. */
export function ReconciliationStatus({ reconciliation, now }: { reconciliation: ReconciliationDetail; now: Date }) {
  const summary = summarizeReconciliation(reconciliation);
  const style = TONE_STYLES[summary.tone];
  return (
    <p className={`flex items-start gap-2 text-sm ${style.text}`} data-testid="reconciliation-status">
      <span
        aria-hidden
        className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full text-[0.625rem] font-bold ${style.icon}`}
      >
        {style.mark}
      </span>
      <span className="min-w-0 break-words">
        {summary.text}
        {summary.time ? (
          <span className="text-slate-600">
            {' '}
            · {summary.time.prefix}{' '}
            {summary.time.relative ? (
              <RelativeTime iso={summary.time.iso} now={now} />
            ) : (
              <ExactTime iso={summary.time.iso} />
            )}
          </span>
        ) : null}
        {summary.detail ? <span className="mt-0.5 block text-xs text-slate-600">{summary.detail}</span> : null}
      </span>
    </p>
  );
}
