import type { ReconciliationState } from '@/app/generated/prisma/sqlite/enums';
import type { RecipientStage } from './envelope-actions';
import type { EnvelopeStatus, FinalStatus } from './envelope-statuses';

// What changed in an envelope's life, as values: the ingest writers and reconciliation get them back from the
// lifecycle's rules in the transaction that stores the change, so a feed of changes can store them there too.

export type TransitionCause = 'notification' | 'finish_callback' | 'reconciliation';

export type TransitionRecipient = { order: number | null; email: string | null };

type TransitionBase = {
  envelopeId: string;
  cause: TransitionCause;
  /** The recipient the notification was about, if any. */
  recipient: TransitionRecipient | null;
  at: Date;
};

export type EnvelopeTransition =
  /** The envelope's status moved (from null: first seen). `confirmed` when the signing service said so. */
  | (TransitionBase & { kind: 'status'; from: EnvelopeStatus | null; to: EnvelopeStatus; confirmed: boolean })
  /** A notification reported a final status that waits for the signing service's confirmation. */
  | (TransitionBase & { kind: 'status_claimed'; from: EnvelopeStatus; to: FinalStatus })
  /** A recipient reached a stage for the first time. */
  | (TransitionBase & {
      kind: 'recipient';
      recipient: TransitionRecipient;
      from: RecipientStage | null;
      to: RecipientStage;
    })
  /** The sender must act (a delegation asked for it), or no longer must. */
  | (TransitionBase & { kind: 'sender_action'; from: boolean; to: boolean })
  /** What the signing service said about the envelope changed (confirmed, mismatch, …). */
  | (TransitionBase & {
      kind: 'reconciliation';
      from: ReconciliationState;
      to: ReconciliationState;
      providerStatus: string | null;
    });
