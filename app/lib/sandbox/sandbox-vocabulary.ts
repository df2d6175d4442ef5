// The sandbox speaks eSignAnyWhere's words: these are the values its API returns.

/** eSignAnyWhere's EnvelopeStatus values the sandbox uses (it never cancels). */
export type SandboxEnvelopeStatus = 'Active' | 'Completed' | 'Rejected' | 'Expired' | 'Canceled';

/** An activity's (recipient's) Status. */
export type SandboxActivityStatus = 'Pending' | 'Completed' | 'Rejected' | 'Delegated';

/** The history event types the sandbox records, in the order an envelope can meet them. */
export const SANDBOX_EVENT_LABELS = {
  EnvelopeSent: 'Envelope sent',
  SignNotificationSent: 'Signing invitation sent',
  WorkstepOpened: 'Document opened',
  WorkstepFinished: 'Signed',
  WorkstepRejected: 'Rejected',
  EnvelopeCompleted: 'Envelope completed',
  EnvelopeRejected: 'Envelope rejected',
  EnvelopeExpired: 'Envelope expired',
  ReminderSent: 'Reminder sent',
} as const;

export type SandboxEventType = keyof typeof SANDBOX_EVENT_LABELS;
