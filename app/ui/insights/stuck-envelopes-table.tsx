import Link from 'next/link';
import type { StuckEnvelope } from '@/app/lib/insights/list-stuck-envelopes';
import { ActionRequiredBadge } from '@/app/ui/envelopes/action-required-badge';
import { StatusBadge } from '@/app/ui/envelopes/status-badge';
import { RelativeTime } from '@/app/ui/envelopes/time-stamps';
import { actionLabel } from '@/app/ui/format/action-label';
import { shortId } from '@/app/ui/format/short-id';
import { signingProgress } from '@/app/ui/format/signing-progress';
import { ScrollableTable } from '@/app/ui/list/scrollable-table';

const HEADER_CELL =
  'whitespace-nowrap px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const CELL = 'px-4 py-3 align-top';

/** The quietest open envelopes, each a link to its page, where the reader can see who is holding it up. */
export function StuckEnvelopesTable({ envelopes, now }: { envelopes: StuckEnvelope[]; now: Date }) {
  return (
    <ScrollableTable id="stuck-envelopes" caption="Stuck envelopes, quietest first" minWidthClass="min-w-[34rem]">
      <thead className="border-b border-slate-200 sm:bg-slate-50">
        <tr>
          <th scope="col" className={HEADER_CELL}>
            Envelope
          </th>
          <th scope="col" className={HEADER_CELL}>
            Status
          </th>
          <th scope="col" className={HEADER_CELL}>
            Recipients
          </th>
          <th scope="col" className={HEADER_CELL}>
            Last activity
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {envelopes.map((envelope) => (
          <tr key={envelope.id} className="hover:bg-slate-50">
            <th scope="row" className={`${CELL} text-left font-normal`}>
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
            <td className={`${CELL} whitespace-nowrap text-slate-800`}>
              {signingProgress(envelope.signedCount, envelope.recipientCount)}
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
