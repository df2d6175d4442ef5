import type { AlertKind } from './alert-kinds';
import { formatMinutes } from './format-minutes';

export const ALERT_KIND_TITLES: Record<AlertKind, string> = {
  rejected: 'Rejected',
  expired: 'Expired',
  canceled: 'Canceled',
  completed: 'Completed',
  stuck: 'Stuck',
  recipient_waiting: 'Waiting for a signature',
  expiring: 'Expiring soon',
  documents_failed: 'Signed documents not fetched',
  not_confirmed: 'Not confirmed by the signing service',
  silence: 'Signing service silent',
  refusals: 'Notifications refused',
};

/** What a rule watches for, in words: "An open envelope has had no activity for 3 days". */
export function describeAlertRule(rule: {
  kind: AlertKind;
  afterMinutes: number | null;
  threshold: number | null;
  windowMinutes: number | null;
}): string {
  const after = formatMinutes(rule.afterMinutes ?? 0);
  switch (rule.kind) {
    case 'rejected':
      return 'A recipient rejects an envelope';
    case 'expired':
      return 'An envelope expires unsigned';
    case 'canceled':
      return 'An envelope is canceled';
    case 'completed':
      return 'An envelope is completed';
    case 'stuck':
      return `An open envelope has had no activity for ${after}`;
    case 'recipient_waiting':
      return `A recipient has not signed ${after} after being invited or opening`;
    case 'expiring':
      return `An open envelope expires within ${after}`;
    case 'documents_failed':
      return 'The signed documents could not be fetched';
    case 'not_confirmed':
      return 'The signing service contradicts a notification';
    case 'silence':
      return `A hook with open envelopes has received nothing for ${after}`;
    case 'refusals':
      return `At least ${rule.threshold ?? 0} notifications to a hook refused within ${formatMinutes(rule.windowMinutes ?? 0)}`;
  }
}
