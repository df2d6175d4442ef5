import Link from 'next/link';
import type { EnvelopeSummary } from '@/app/lib/envelopes/list-envelopes';
import { ActionRequiredBadge } from './action-required-badge';
import { StatusBadge } from './status-badge';

export function EnvelopeHeader({ envelope }: { envelope: Pick<EnvelopeSummary, 'id' | 'status' | 'actionRequired'> }) {
  return (
    <header className="space-y-3">
      <Link href="/" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <span aria-hidden>←</span> All envelopes
      </Link>
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
          {envelope.actionRequired ? <ActionRequiredBadge /> : null}
        </div>
      </div>
    </header>
  );
}
