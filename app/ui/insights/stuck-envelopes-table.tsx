import type { StuckEnvelope } from '@/app/lib/insights/list-stuck-envelopes';
import { ActionRequiredBadge } from '@/app/ui/envelopes/action-required-badge';
import { StatusBadge } from '@/app/ui/envelopes/status-badge';
import { EnvelopeLink } from '@/app/ui/envelopes/envelope-link';
import { LastActivity } from '@/app/ui/envelopes/last-activity';
import { signingProgress } from '@/app/ui/format/signing-progress';
import { ColumnHeaders, ScrollableTable, TableHead, TABLE_CELL } from '@/app/ui/list/scrollable-table';

/** The quietest open envelopes, each a link to its page, where the reader can see who is holding it up. */
export function StuckEnvelopesTable({ envelopes, now }: { envelopes: StuckEnvelope[]; now: Date }) {
  return (
    <ScrollableTable id="stuck-envelopes" caption="Stuck envelopes, quietest first" minWidthClass="min-w-[34rem]">
      <TableHead>
        <ColumnHeaders labels={['Envelope', 'Status', 'Recipients', 'Last activity']} />
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {envelopes.map((envelope) => (
          <tr key={envelope.id} className="hover:bg-slate-50">
            <th scope="row" className={`${TABLE_CELL} text-left font-normal`}>
              <EnvelopeLink id={envelope.id} />
            </th>
            <td className={TABLE_CELL}>
              <div className="flex flex-wrap items-start gap-1.5">
                <StatusBadge status={envelope.status} />
                {envelope.actionRequired ? <ActionRequiredBadge /> : null}
              </div>
            </td>
            <td className={`${TABLE_CELL} whitespace-nowrap text-slate-800`}>
              {signingProgress(envelope.signedCount, envelope.recipientCount)}
            </td>
            <td className={`${TABLE_CELL} whitespace-nowrap`}>
              <LastActivity action={envelope.lastAction} at={envelope.lastEventAt} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
