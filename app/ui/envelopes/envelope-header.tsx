import Link from 'next/link';
import type { EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { ActionRequiredBadge } from './action-required-badge';
import { ReconciliationStatus } from './reconciliation-status';
import { ClaimedStatusBadge, StatusBadge } from './status-badge';

type EnvelopeHeaderProps = {
  envelope: Pick<EnvelopeDetail, 'id' | 'status' | 'claimedStatus' | 'actionRequired' | 'reconciliation'>;
  now: Date;
  /** Shown opposite the back link, e.g. whether the page is updating live. */
  aside?: React.ReactNode;
};

export function EnvelopeHeader({ envelope, now, aside }: EnvelopeHeaderProps) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href="/" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <span aria-hidden>←</span> All envelopes
        </Link>
        {aside}
      </div>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <h1 className="min-w-0">
          <span className="block text-sm font-medium text-slate-500">Envelope</span>
          {/* Ids are long and unbroken; break-all keeps them inside a phone's width. */}
          <span className="block break-all font-mono text-xl font-semibold tracking-tight sm:text-2xl">
            {envelope.id}
          </span>
        </h1>
        <div className="flex flex-wrap gap-2 pb-1">
          <StatusBadge status={envelope.status} />
          {envelope.claimedStatus ? <ClaimedStatusBadge status={envelope.claimedStatus} /> : null}
          {envelope.actionRequired ? <ActionRequiredBadge /> : null}
        </div>
      </div>
      <ReconciliationStatus reconciliation={envelope.reconciliation} now={now} />
    </header>
  );
}
