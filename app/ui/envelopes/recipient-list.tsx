import type { EnvelopeRecipient } from '@/app/lib/envelopes/envelope-detail-schema';
import { countLabel } from '@/app/lib/format/count-label';
import { recipientLabel } from '@/app/ui/format/recipient-label';
import { recipientState, recipientStateLabel, type RecipientState } from './recipient-state';
import { ExactTime } from './time-stamps';

type Recipient = EnvelopeRecipient;

const STATE_STYLES: Record<RecipientState, string> = {
  rejected: 'bg-red-50 text-red-800 ring-red-600/30',
  signed: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  delegated: 'bg-orange-50 text-orange-900 ring-orange-600/30',
  opened: 'bg-violet-50 text-violet-800 ring-violet-600/30',
  invited: 'bg-sky-50 text-sky-800 ring-sky-600/30',
  pending: 'bg-slate-100 text-slate-700 ring-slate-500/30',
};

export function RecipientList({ recipients }: { recipients: Recipient[] }) {
  if (recipients.length === 0) {
    return <p className="text-sm text-slate-500">No notification has named a recipient yet.</p>;
  }
  return (
    <ol className="divide-y divide-slate-100">
      {recipients.map((recipient, index) => (
        <RecipientItem key={`${recipient.order}-${recipient.email}-${index}`} recipient={recipient} />
      ))}
    </ol>
  );
}

function RecipientItem({ recipient }: { recipient: Recipient }) {
  const state = recipientState(recipient);
  return (
    <li className="flex gap-3 py-3 first:pt-0 last:pb-0">
      <span
        aria-label={recipient.order !== null ? `Signing order ${recipient.order}` : 'Signing order unknown'}
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700"
      >
        {recipient.order ?? '?'}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <div className="min-w-0">
            {/* The name comes from the signing service when it was asked; notifications carry only the e-mail. */}
            <p className="break-all text-sm font-medium text-slate-900">
              {recipient.name ?? recipientLabel(recipient) ?? 'Unnamed recipient'}
            </p>
            {recipient.name && recipientLabel(recipient) ? (
              <p className="break-all text-xs text-slate-600">{recipientLabel(recipient)}</p>
            ) : null}
          </div>
          <span
            className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_STYLES[state]}`}
          >
            {recipientStateLabel(state)}
          </span>
        </div>
        <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
          {recipient.invitedAt ? <Step label="Invited" iso={recipient.invitedAt} /> : null}
          <li>
            {recipient.openCount > 0 ? `Opened ${countLabel(recipient.openCount, 'time')}` : 'Not opened yet'}
            {recipient.firstOpenedAt ? (
              <>
                , first <ExactTime iso={recipient.firstOpenedAt} />
              </>
            ) : null}
          </li>
          {recipient.delegatedAt ? <Step label="Delegated" iso={recipient.delegatedAt} /> : null}
          {recipient.finishedAt ? <Step label="Signed" iso={recipient.finishedAt} /> : null}
          {recipient.rejectedAt ? <Step label="Rejected" iso={recipient.rejectedAt} /> : null}
        </ul>
      </div>
    </li>
  );
}

function Step({ label, iso }: { label: string; iso: string }) {
  return (
    <li>
      {label} <ExactTime iso={iso} />
    </li>
  );
}
