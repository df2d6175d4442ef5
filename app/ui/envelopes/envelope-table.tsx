import type { EnvelopeListItem } from '@/app/lib/envelopes/envelope-list-schema';
import { recipientLabel } from '@/app/ui/format/recipient-label';
import { shortId } from '@/app/ui/format/short-id';
import { signingProgress } from '@/app/ui/format/signing-progress';
import { ColumnHeader, ColumnHeaders, ScrollableTable, TableHead, TABLE_CELL } from '@/app/ui/list/scrollable-table';
import { CopyButton } from '@/app/ui/setup/copy-button';
import { ActionRequiredBadge } from './action-required-badge';
import { customValueColumns } from './custom-value-columns';
import { DocumentAvailability } from './document-availability';
import { EnvelopeLink } from './envelope-link';
import { LastActivity } from './last-activity';
import { recipientState, recipientStateLabel } from './recipient-state';
import { ClaimedStatusBadge, StatusBadge } from './status-badge';

// The id stays in view while the other columns scroll past it on a phone. A pseudo-element draws its edge because
// cells of a collapsed-border table paint no box-shadow.
const STICKY =
  'sticky left-0 z-10 after:pointer-events-none after:absolute after:inset-y-0 after:-right-2 after:w-2 after:border-l after:border-slate-200 after:bg-linear-to-r after:from-slate-900/10 after:to-transparent sm:static sm:after:hidden';
const RECIPIENTS_SHOWN = 3;

export function EnvelopeTable({ envelopes, now }: { envelopes: EnvelopeListItem[]; now: Date }) {
  const customKeys = customValueColumns(envelopes);
  return (
    <ScrollableTable id="envelope-table" caption="Envelopes, newest activity first" minWidthClass="min-w-[52rem]">
      <TableHead>
        <ColumnHeader className={`${STICKY} bg-white sm:bg-slate-50`}>Envelope</ColumnHeader>
        <ColumnHeaders labels={['Status', 'Recipients']} />
        {customKeys.map((key) => (
          <ColumnHeader key={key} className="max-w-40 truncate normal-case" title={key}>
            {key}
          </ColumnHeader>
        ))}
        <ColumnHeaders labels={['Last event', 'Documents']} />
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {envelopes.map((envelope) => (
          <tr key={envelope.id} className="group hover:bg-slate-50">
            <th
              scope="row"
              className={`${TABLE_CELL} ${STICKY} bg-white text-left font-normal group-hover:bg-slate-50`}
            >
              <div className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
                <EnvelopeLink id={envelope.id} />
                {/* Shown on hover or focus where there is a pointer; always on touch screens, which have no hover. */}
                <span className="[@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover:opacity-100 [@media(hover:hover)]:focus-within:opacity-100">
                  <CopyButton value={envelope.id} label={`id of envelope ${shortId(envelope.id)}`} />
                </span>
              </div>
            </th>
            <td className={TABLE_CELL}>
              <div className="flex flex-wrap items-start gap-1.5">
                <StatusBadge status={envelope.status} />
                {envelope.claimedStatus ? <ClaimedStatusBadge status={envelope.claimedStatus} /> : null}
                {envelope.actionRequired ? <ActionRequiredBadge /> : null}
              </div>
            </td>
            <td className={TABLE_CELL}>
              <p className="whitespace-nowrap font-medium text-slate-800">
                {signingProgress(envelope.signedCount, envelope.recipientCount)}
              </p>
              <RecipientLines recipients={envelope.recipients} total={envelope.recipientCount} />
            </td>
            {customKeys.map((key) => (
              <td key={key} className={TABLE_CELL}>
                {envelope.customValues[key] !== undefined ? (
                  <span className="block max-w-48 truncate text-slate-800" title={envelope.customValues[key]}>
                    {envelope.customValues[key]}
                  </span>
                ) : (
                  <span className="text-slate-400">
                    <span aria-hidden>—</span>
                    <span className="sr-only">None</span>
                  </span>
                )}
              </td>
            ))}
            <td className={`${TABLE_CELL} whitespace-nowrap`}>
              <LastActivity action={envelope.lastAction} at={envelope.lastEventAt} now={now} />
            </td>
            <td className={TABLE_CELL}>
              <DocumentAvailability envelopeId={envelope.id} status={envelope.documentStatus} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}

/** Each recipient with where they stand, so "1 of 3 signed" says who is holding things up. */
function RecipientLines({ recipients, total }: { recipients: EnvelopeListItem['recipients']; total: number }) {
  // The list carries the first recipients only; the count covers them all.
  const hidden = Math.max(total, recipients.length) - Math.min(recipients.length, RECIPIENTS_SHOWN);
  return (
    <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600">
      {recipients.slice(0, RECIPIENTS_SHOWN).map((recipient, index) => {
        const label = recipientLabel(recipient) ?? 'Unnamed recipient';
        return (
          <li key={`${recipient.order}-${recipient.email}-${index}`} className="flex max-w-72 gap-1.5">
            <span className="truncate" title={label}>
              {label}
            </span>
            <span className="shrink-0 text-slate-500">· {recipientStateLabel(recipientState(recipient))}</span>
          </li>
        );
      })}
      {hidden > 0 ? <li className="text-slate-500">+{hidden} more</li> : null}
    </ul>
  );
}
