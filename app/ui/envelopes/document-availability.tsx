import Link from 'next/link';
import type { EnvelopeListItem } from '@/app/lib/envelopes/envelope-list-schema';

type DocumentStatus = EnvelopeListItem['documentStatus'];

const STATES: Record<Exclude<DocumentStatus, 'none'>, { label: string; className: string; icon: string }> = {
  stored: { label: 'Available', className: 'text-emerald-800', icon: '✓' },
  pending: { label: 'Queued', className: 'text-slate-600', icon: '…' },
  fetching: { label: 'Fetching', className: 'text-slate-600', icon: '…' },
  failed: { label: 'Failed', className: 'text-red-800', icon: '!' },
};

/** Whether the signed PDF and audit trail can be had, linking to them on the envelope page when they can. */
export function DocumentAvailability({ envelopeId, status }: { envelopeId: string; status: DocumentStatus }) {
  if (status === 'none') {
    return (
      <span className="text-slate-500">
        <span aria-hidden>—</span>
        <span className="sr-only">None yet</span>
      </span>
    );
  }
  const state = STATES[status];
  const content = (
    <>
      <span aria-hidden className="mr-1 font-semibold">
        {state.icon}
      </span>
      {state.label}
    </>
  );
  if (status !== 'stored') return <span className={`whitespace-nowrap ${state.className}`}>{content}</span>;
  return (
    <Link
      href={`/envelopes/${encodeURIComponent(envelopeId)}#documents-heading`}
      className={`whitespace-nowrap font-medium underline-offset-2 hover:underline ${state.className}`}
    >
      {content}
    </Link>
  );
}
