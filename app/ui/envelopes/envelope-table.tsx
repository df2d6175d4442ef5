import Link from 'next/link';
import { ScrollableTable } from '@/app/ui/list/scrollable-table';
import type { EnvelopeSummary } from '@/app/lib/envelopes/list-envelopes';
import { actionLabel } from '@/app/ui/format/action-label';
import { recipientLabel } from '@/app/ui/format/recipient-label';
import { shortId } from '@/app/ui/format/short-id';
import { signingProgress } from '@/app/ui/format/signing-progress';
import { ActionRequiredBadge } from './action-required-badge';
import { CustomValuesPreview } from './custom-values-preview';
import { StatusBadge } from './status-badge';
import { RelativeTime } from './time-stamps';

const HEADER_CELL =
  'whitespace-nowrap px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const CELL = 'px-4 py-3 align-top';
// The id stays in view while the other columns scroll past it on a phone. A pseudo-element draws its edge because
// cells of a collapsed-border table paint no box-shadow.
const STICKY =
  'sticky left-0 z-10 after:pointer-events-none after:absolute after:inset-y-0 after:-right-2 after:w-2 after:border-l after:border-slate-200 after:bg-linear-to-r after:from-slate-900/10 after:to-transparent sm:static sm:after:hidden';

export function EnvelopeTable({ envelopes, now }: { envelopes: EnvelopeSummary[]; now: Date }) {
  return (
    <ScrollableTable id="envelope-table" caption="Envelopes, newest activity first" minWidthClass="min-w-[46rem]">
      {/* Transparent on phones so the scroll hint shows along the whole right edge. */}
      <thead className="border-b border-slate-200 sm:bg-slate-50">
        <tr>
          <th scope="col" className={`${HEADER_CELL} ${STICKY} bg-white sm:bg-slate-50`}>
            Envelope
          </th>
          <th scope="col" className={HEADER_CELL}>
            Status
          </th>
          <th scope="col" className={HEADER_CELL}>
            Recipients
          </th>
          <th scope="col" className={HEADER_CELL}>
            Custom values
          </th>
          <th scope="col" className={HEADER_CELL}>
            Last action
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {envelopes.map((envelope) => (
          <tr key={envelope.id} className="group hover:bg-slate-50">
            <th scope="row" className={`${CELL} ${STICKY} bg-white text-left font-normal group-hover:bg-slate-50`}>
              <Link
                href={`/envelopes/${encodeURIComponent(envelope.id)}`}
                title={envelope.id}
                className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {shortId(envelope.id)}
              </Link>
            </th>
            <td className={CELL}>
              <div className="flex flex-wrap items-start gap-1.5">
                <StatusBadge status={envelope.status} />
                {envelope.actionRequired ? <ActionRequiredBadge /> : null}
              </div>
            </td>
            <td className={CELL}>
              <p className="font-medium text-slate-800">
                {signingProgress(envelope.signedCount, envelope.recipientCount)}
              </p>
              <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600">
                {envelope.recipients.map((recipient, index) => (
                  <li key={`${recipient.order}-${recipient.email}-${index}`} className="max-w-64 truncate">
                    {recipientLabel(recipient) ?? 'Unnamed recipient'}
                  </li>
                ))}
              </ul>
            </td>
            <td className={CELL}>
              <CustomValuesPreview values={envelope.customValues} />
            </td>
            <td className={`${CELL} whitespace-nowrap`}>
              <p className="font-medium text-slate-800">{actionLabel(envelope.lastAction)}</p>
              <RelativeTime iso={envelope.lastEventAt} now={now} className="text-xs text-slate-600" />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
