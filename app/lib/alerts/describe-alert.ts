import type { EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import type { AlertKind } from './alert-kinds';
import { formatMinutes } from './format-minutes';

/** What an alert is about, as far as its words need. */
export type AlertSubject = {
  envelope?: { id: string; displayName: string; status: EnvelopeStatus; test: boolean };
  recipient?: { email: string | null; name: string | null };
  hookName?: string | null;
  /** When the condition began: the last activity, the recipient's invitation or open, the last notification. */
  since?: Date;
  expiresAt?: Date;
  afterMinutes?: number;
  error?: string | null;
  providerStatus?: string | null;
  count?: number;
  windowMinutes?: number;
  openEnvelopes?: number;
};

/** The words kept with an alert: the summary line, further lines, and what a message links to. */
export type AlertWords = {
  summary: string;
  details: {
    lines: string[];
    envelope: { id: string; name: string | null; status: string } | null;
    hookName: string | null;
    test: boolean;
  };
};

/** "28 Nov 2026, 09:12 UTC": one form for every channel, as the reader's zone is unknown. */
export function formatAlertTime(at: Date): string {
  return `${at.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  })} UTC`;
}

export function describeAlert(kind: AlertKind, subject: AlertSubject): AlertWords {
  const envelope = subject.envelope;
  const named = envelope
    ? envelope.displayName === envelope.id
      ? envelope.id
      : `${envelope.displayName} (${envelope.id})`
    : '';
  const hook = subject.hookName ? `hook "${subject.hookName}"` : 'a hook';
  const { name: recipientName, email: recipientEmail } = subject.recipient ?? {};
  const recipient =
    recipientName && recipientEmail
      ? `${recipientName} <${recipientEmail}>`
      : recipientName || recipientEmail || 'a recipient';
  const lines: string[] = [];
  let summary: string;
  switch (kind) {
    case 'rejected':
      summary = `Rejected: ${named}`;
      break;
    case 'expired':
      summary = `Expired unsigned: ${named}`;
      break;
    case 'canceled':
      summary = `Canceled: ${named}`;
      break;
    case 'completed':
      summary = `Completed: ${named}`;
      break;
    case 'stuck':
      summary = `Stuck: ${named} has had no activity for ${formatMinutes(subject.afterMinutes ?? 0)}`;
      if (subject.since) lines.push(`Last activity: ${formatAlertTime(subject.since)}`);
      break;
    case 'recipient_waiting':
      summary = `Waiting for ${recipient}: ${named}`;
      if (subject.since) lines.push(`Waiting since ${formatAlertTime(subject.since)}`);
      break;
    case 'expiring':
      summary = `Expiring: ${named}${subject.expiresAt ? ` expires ${formatAlertTime(subject.expiresAt)}` : ''}`;
      break;
    case 'documents_failed':
      summary = `Signed documents not fetched: ${named}`;
      if (subject.error) lines.push(`Last error: ${subject.error}`);
      lines.push('Retry the fetch on the envelope page once the cause is fixed.');
      break;
    case 'not_confirmed':
      summary = `Not confirmed: the signing service contradicts ${named}`;
      if (subject.providerStatus) lines.push(`The signing service reports: ${subject.providerStatus}`);
      break;
    case 'silence':
      summary = `Silence: ${hook} has received nothing for ${formatMinutes(subject.afterMinutes ?? 0)}`;
      if (subject.since) lines.push(`Last notification: ${formatAlertTime(subject.since)}`);
      if (subject.openEnvelopes !== undefined) lines.push(`Open envelopes on it: ${subject.openEnvelopes}`);
      lines.push("Check the signing service's callback settings and whether it can reach this app.");
      break;
    case 'refusals':
      summary = `Refusals: ${subject.count ?? 0} notifications to ${hook} refused within ${formatMinutes(subject.windowMinutes ?? 0)}`;
      lines.push('The Deliveries page shows each refusal and why.');
      break;
  }
  return {
    summary,
    details: {
      lines,
      envelope: envelope
        ? {
            id: envelope.id,
            name: envelope.displayName === envelope.id ? null : envelope.displayName,
            status: envelope.status,
          }
        : null,
      hookName: subject.hookName ?? null,
      test: envelope?.test ?? false,
    },
  };
}
