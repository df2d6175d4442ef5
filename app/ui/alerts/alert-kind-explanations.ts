import type { AlertKind } from '@/app/lib/alerts/alert-kinds';

/** One line per kind under the rule form's choice: when it fires, in the reader's terms. */
export const ALERT_KIND_EXPLANATIONS: Record<AlertKind, string> = {
  rejected: 'A recipient declines to sign: the envelope will not complete unless it is sent again.',
  expired: 'An envelope reaches its expiry date before everyone has signed.',
  canceled: 'The sender withdraws an envelope.',
  completed: 'Everyone has signed: for a channel that follows the contracts that matter.',
  stuck: 'An open envelope has had no activity at all (no open, no signature) for a while.',
  recipient_waiting: 'A recipient was invited or opened the envelope and has not signed for a while.',
  expiring: 'An open envelope will expire soon while signatures are still missing.',
  documents_failed:
    'The signed PDF or audit trail of a completed envelope could not be fetched from the signing service.',
  not_confirmed:
    'The signing service contradicts a notification, e.g. a "completed" envelope it still reports as active.',
  silence: 'A hook with open envelopes has received nothing for a while: is the signing service still calling it?',
  refusals: 'Many notifications to a hook were refused in a short time: a wrong callback URL, a blocked network, …',
};

/** Kinds about a hook rather than an envelope: a custom value cannot narrow them. */
export const HOOK_LEVEL_KINDS: readonly AlertKind[] = ['silence', 'refusals'];
