import Link from 'next/link';
import type { EnvelopeListItem } from '@/app/lib/envelopes/envelope-list-schema';
import { isFinalStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { recipientLabel } from '@/app/ui/format/recipient-label';
import { shortId } from '@/app/ui/format/short-id';
import { signingProgress } from '@/app/ui/format/signing-progress';
import { CopyButton } from '@/app/ui/setup/copy-button';
import { ActionRequiredBadge } from './action-required-badge';
import { customValueColumns } from './custom-value-columns';
import { DocumentAvailability } from './document-availability';
import { EnvelopeDeadline, WaitingOn } from './envelope-row-times';
import { LastActivity } from './last-activity';
import { recipientState, recipientStateLabel } from './recipient-state';
import { ClaimedStatusBadge, StatusBadge } from './status-badge';

// One markup for both sizes: a table from lg up, a stack of cards below (every part a block, no table layout, so
// nothing can push the page or the list sideways). Each row is one link, drawn over the whole row by its ::after;
// the copy button and the documents link sit above it.
const CELL = 'block align-top lg:table-cell lg:px-4 lg:py-3';
const HEADER = 'px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const ABOVE_LINK = 'relative z-10';
/** Shown on the cards only, where there are no column headers. */
const CARD_LABEL = 'text-xs text-slate-500 lg:hidden';
const RECIPIENTS_SHOWN = 3;
const CUSTOM_VALUES_SHOWN = 3;

/** Which open envelopes are picked for "Send reminders"; without it the list has no checkboxes. */
export type EnvelopeSelection = {
  isSelected: (envelopeId: string) => boolean;
  setSelected: (envelopeId: string, selected: boolean) => void;
  /** Every open envelope of the page, picked or dropped at once. */
  allOpenSelected: boolean;
  setAllOpenSelected: (selected: boolean) => void;
  hasOpen: boolean;
};

const CHECKBOX = 'mt-0.5 size-4 rounded border-slate-400 accent-brand-600';

export function EnvelopeTable(props: {
  envelopes: EnvelopeListItem[];
  now: Date;
  caption: string;
  selection?: EnvelopeSelection;
}) {
  const customKeys = customValueColumns(props.envelopes, CUSTOM_VALUES_SHOWN);
  const selection = props.selection;
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table id="envelope-table" className="block w-full text-sm lg:table lg:table-fixed lg:border-collapse">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 lg:table-header-group">
          <tr>
            <th scope="col" className={`${HEADER} w-[28%]`}>
              {selection?.hasOpen ? (
                <label className="mr-2 inline-flex align-middle">
                  <input
                    type="checkbox"
                    className={CHECKBOX}
                    checked={selection.allOpenSelected}
                    onChange={(event) => selection.setAllOpenSelected(event.target.checked)}
                  />
                  <span className="sr-only">Select every open envelope on this page</span>
                </label>
              ) : null}
              Envelope
            </th>
            <th scope="col" className={`${HEADER} w-[15%]`}>
              Status
            </th>
            <th scope="col" className={`${HEADER} w-[22%]`}>
              Progress
            </th>
            <th scope="col" className={`${HEADER} w-[12%]`}>
              Deadline
            </th>
            <th scope="col" className={`${HEADER} w-[12%]`}>
              Last event
            </th>
            <th scope="col" className={`${HEADER} w-[11%]`}>
              Documents
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 lg:table-row-group">
          {props.envelopes.map((envelope) => (
            <EnvelopeRow
              key={envelope.id}
              envelope={envelope}
              now={props.now}
              customKeys={customKeys}
              selection={selection}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EnvelopeRow({
  envelope,
  now,
  customKeys,
  selection,
}: {
  envelope: EnvelopeListItem;
  now: Date;
  customKeys: string[];
  selection: EnvelopeSelection | undefined;
}) {
  const open = !isFinalStatus(envelope.status);
  const named = envelope.name !== envelope.id;
  const rejecter = envelope.status === 'rejected' ? envelope.recipients.find((r) => r.rejectedAt) : undefined;
  const rejecterLabel = rejecter ? recipientLabel(rejecter) : null;
  const values = customKeys
    .filter((key) => envelope.customValues[key] !== undefined && envelope.customValues[key] !== envelope.name)
    .map((key) => [key, envelope.customValues[key]!] as const);
  return (
    <tr
      className="group relative grid grid-cols-2 gap-x-4 gap-y-2 px-4 py-3 hover:bg-slate-50 has-[a:focus-visible]:bg-slate-50 lg:table-row lg:p-0"
      data-envelope-id={envelope.id}
    >
      <th scope="row" className={`${CELL} col-span-2 text-left font-normal`}>
        <div className="flex items-start gap-2">
          {selection && open ? (
            // Above the row's link, with room around the box for a finger.
            <label className={`${ABOVE_LINK} -m-2 flex p-2`}>
              <input
                type="checkbox"
                className={CHECKBOX}
                checked={selection.isSelected(envelope.id)}
                onChange={(event) => selection.setSelected(envelope.id, event.target.checked)}
              />
              <span className="sr-only">Select {envelope.name} for reminders</span>
            </label>
          ) : selection?.hasOpen ? (
            // An ended envelope cannot be reminded: the same room, so every name starts at one line.
            <span aria-hidden="true" className="-m-2 flex p-2">
              <span className="mt-0.5 size-4" />
            </span>
          ) : null}
          <div className="min-w-0 flex-1">
            <Link
              href={`/envelopes/${encodeURIComponent(envelope.id)}`}
              title={envelope.id}
              className={`font-semibold text-brand-700 underline-offset-2 after:absolute after:inset-0 after:content-[''] group-hover:underline focus-visible:outline-none focus-visible:after:rounded-sm focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-brand-600 ${named ? 'break-words [overflow-wrap:anywhere]' : 'font-mono break-all'}`}
            >
              {envelope.name}
            </Link>
            <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              {named ? (
                <span className="font-mono" title={envelope.id}>
                  {shortId(envelope.id)}
                </span>
              ) : null}
              {/* Shown on hover or focus where there is a pointer; always on touch screens, which have no hover. */}
              <span
                className={`${ABOVE_LINK} [@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover:opacity-100 [@media(hover:hover)]:focus-within:opacity-100`}
              >
                <CopyButton value={envelope.id} label={`id of envelope ${shortId(envelope.id)}`} />
              </span>
            </div>
            {values.length > 0 ? (
              <dl className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
                {values.map(([key, value]) => (
                  <div key={key} className="flex min-w-0 gap-1">
                    <dt className="text-slate-500">{key}</dt>
                    <dd className="font-medium break-words text-slate-800 [overflow-wrap:anywhere]">{value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </div>
        </div>
      </th>
      <td className={`${CELL} col-span-2`}>
        <div className="flex flex-wrap items-start gap-1.5">
          <StatusBadge status={envelope.status} />
          {envelope.claimedStatus ? <ClaimedStatusBadge status={envelope.claimedStatus} /> : null}
          {envelope.actionRequired ? <ActionRequiredBadge /> : null}
          {envelope.isTest ? (
            <span className="inline-flex items-center whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-400/40">
              Test
            </span>
          ) : null}
        </div>
        {rejecterLabel ? (
          <p className="mt-1 text-xs text-red-800 [overflow-wrap:anywhere]">Rejected by {rejecterLabel}</p>
        ) : null}
      </td>
      <td className={`${CELL} col-span-2`}>
        <p className="font-medium text-slate-800">{signingProgress(envelope.signedCount, envelope.recipientCount)}</p>
        {envelope.waitingOn ? (
          <WaitingOn
            who={envelope.waitingOn.name ?? envelope.waitingOn.email ?? 'a recipient'}
            since={envelope.waitingOn.since}
            now={now}
          />
        ) : null}
        <RecipientLines recipients={envelope.recipients} total={envelope.recipientCount} />
      </td>
      <td className={CELL}>
        <p className={CARD_LABEL}>Deadline</p>
        <EnvelopeDeadline expiresAt={envelope.expiresAt} status={envelope.status} open={open} now={now} />
      </td>
      <td className={CELL}>
        <p className={CARD_LABEL}>Last event</p>
        <LastActivity action={envelope.lastAction} at={envelope.lastEventAt} now={now} status={envelope.status} />
      </td>
      {/* On a card, only when there is something to say. */}
      <td className={`${CELL} col-span-2 ${envelope.documentStatus === 'none' ? 'hidden' : ''}`}>
        <p className={CARD_LABEL}>Documents</p>
        <span className={ABOVE_LINK}>
          <DocumentAvailability envelopeId={envelope.id} status={envelope.documentStatus} />
        </span>
      </td>
    </tr>
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
          <li key={`${recipient.order}-${recipient.email}-${index}`} className="min-w-0">
            <span className="[overflow-wrap:anywhere]">{label}</span>
            <span className="whitespace-nowrap text-slate-500">
              {' '}
              · {recipientStateLabel(recipientState(recipient))}
            </span>
          </li>
        );
      })}
      {hidden > 0 ? <li className="text-slate-500">+{hidden} more</li> : null}
    </ul>
  );
}
