'use client';

import Link from 'next/link';
import type { EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { isFinalStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { roleBlockedReason } from '@/app/ui/auth/roles-shown';
import { useNow } from '@/app/ui/format/time-zone-context';
import { ActionRequiredBadge } from './action-required-badge';
import { expiryNote } from './envelope-header-facts';
import { ReconciliationStatus } from './reconciliation-status';
import { ReminderButton } from './reminder-button';
import { ClaimedStatusBadge, StatusBadge } from './status-badge';
import { ExactTime } from './time-stamps';

type EnvelopeHeaderProps = {
  envelope: Pick<
    EnvelopeDetail,
    | 'id'
    | 'status'
    | 'claimedStatus'
    | 'actionRequired'
    | 'reconciliation'
    | 'name'
    | 'displayName'
    | 'sentAt'
    | 'senderName'
    | 'senderEmail'
    | 'expiresAt'
  >;
  now: Date;
  /** Shown opposite the back link, e.g. whether the page is updating live. */
  aside?: React.ReactNode;
  /** Whether the visitor's role may send reminders (operator). */
  mayOperate: boolean;
};

export function EnvelopeHeader({ envelope, now, aside, mayOperate }: EnvelopeHeaderProps) {
  const open = !isFinalStatus(envelope.status);
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href="/" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
          <span aria-hidden>←</span> All envelopes
        </Link>
        {aside}
      </div>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <h1 className="min-w-0">
          <span className="block text-sm font-medium text-slate-500">Envelope</span>
          {envelope.displayName !== envelope.id ? (
            <>
              <span className="block break-words text-xl font-semibold tracking-tight sm:text-2xl">
                {envelope.displayName}
              </span>
              {/* Ids are long and unbroken; break-all keeps them inside a phone's width. */}
              <span className="mt-0.5 block break-all font-mono text-sm font-normal text-slate-600">{envelope.id}</span>
            </>
          ) : (
            <span className="block break-all font-mono text-xl font-semibold tracking-tight sm:text-2xl">
              {envelope.id}
            </span>
          )}
        </h1>
        <div className="flex flex-wrap gap-2 sm:pt-6">
          <StatusBadge status={envelope.status} />
          {envelope.claimedStatus ? <ClaimedStatusBadge status={envelope.claimedStatus} /> : null}
          {envelope.actionRequired ? <ActionRequiredBadge /> : null}
        </div>
      </div>
      <EnvelopeFacts envelope={envelope} now={now} open={open} />
      <ReconciliationStatus reconciliation={envelope.reconciliation} now={now} />
      {open ? (
        <ReminderButton envelopeId={envelope.id} blockedReason={roleBlockedReason(mayOperate, 'Sending reminders')} />
      ) : null}
    </header>
  );
}

/** Sender, sent date and (while open) expiry, as the signing service reported them; nothing until it was asked. */
function EnvelopeFacts({
  envelope,
  now,
  open,
}: {
  envelope: EnvelopeHeaderProps['envelope'];
  now: Date;
  open: boolean;
}) {
  const current = useNow(now);
  const expiry = expiryNote(envelope.expiresAt, current, open);
  const sender = envelope.senderName ?? envelope.senderEmail;
  if (!envelope.sentAt && !sender && !expiry) return null;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700" data-testid="envelope-facts">
      {sender ? (
        <div className="min-w-0">
          <dt className="inline text-slate-500">Sender </dt>
          <dd className="inline break-words">
            {sender}
            {envelope.senderName && envelope.senderEmail ? (
              <span className="break-words text-slate-500"> ({envelope.senderEmail})</span>
            ) : null}
          </dd>
        </div>
      ) : null}
      {envelope.sentAt ? (
        <div>
          <dt className="inline text-slate-500">Sent </dt>
          <dd className="inline">
            <ExactTime iso={envelope.sentAt} />
          </dd>
        </div>
      ) : null}
      {envelope.expiresAt && expiry ? (
        <div>
          <dt className="sr-only">Expiry</dt>
          <dd className="inline">
            <span
              data-testid="expiry-note"
              suppressHydrationWarning
              className={expiry.soon ? 'rounded-md bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900' : ''}
            >
              {expiry.text}
            </span>{' '}
            <span className="text-slate-500">
              (<ExactTime iso={envelope.expiresAt} />)
            </span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
