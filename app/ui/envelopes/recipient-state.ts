import type { RecipientStage } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import type { EnvelopeSummary } from '@/app/lib/envelopes/list-envelopes';

type Recipient = EnvelopeSummary['recipients'][number];

/** A recipient's furthest stage, or pending before its invitation. */
export type RecipientState = RecipientStage | 'pending';

const LABELS: Record<RecipientState, string> = {
  rejected: 'Rejected',
  signed: 'Signed',
  delegated: 'Delegated',
  opened: 'Opened',
  invited: 'Invited',
  pending: 'Pending',
};

/** Where a recipient stands, the furthest step first: a rejection ends everything, a signature beats an open. */
export function recipientState(recipient: Recipient): RecipientState {
  if (recipient.rejectedAt) return 'rejected';
  if (recipient.finishedAt) return 'signed';
  if (recipient.delegatedAt) return 'delegated';
  if (recipient.firstOpenedAt || recipient.openCount > 0) return 'opened';
  if (recipient.invitedAt) return 'invited';
  return 'pending';
}

export function recipientStateLabel(state: RecipientState): string {
  return LABELS[state];
}
