import type { ReconciliationDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { statusLabel } from '@/app/lib/envelopes/lifecycle/envelope-statuses';

export type ReconciliationTone = 'confirmed' | 'warning' | 'problem' | 'info' | 'muted';

/** What the detail page says about the signing service's view of an envelope, as text plus one time to print. */
export type ReconciliationSummary = {
  tone: ReconciliationTone;
  text: string;
  /** The service's longer explanation, when the short text leaves a question open. */
  detail: string | null;
  /** "checked 5 min ago" (relative) or "next try at 29 Nov 2025, 11:10:05 UTC" (exact). */
  time: { prefix: string; iso: string; relative: boolean } | null;
};

export function summarizeReconciliation(reconciliation: ReconciliationDetail): ReconciliationSummary {
  const checked = reconciliation.reconciledAt
    ? { prefix: 'checked', iso: reconciliation.reconciledAt, relative: true }
    : null;
  const nextTry = reconciliation.nextAttemptAt
    ? { prefix: 'next try at', iso: reconciliation.nextAttemptAt, relative: false }
    : null;
  const line = (tone: ReconciliationTone, text: string, time = checked, detail: string | null = null) => ({
    tone,
    text,
    detail,
    time,
  });
  switch (reconciliation.state) {
    case 'confirmed':
      return line('confirmed', 'Confirmed by the signing service');
    case 'mismatch': {
      const claim = reconciliation.claimedStatus
        ? `${statusLabel(reconciliation.claimedStatus)} not confirmed`
        : reconciliation.finishCallbackAt
          ? 'Finish callback not confirmed'
          : 'Not confirmed';
      const text = reconciliation.providerStatus
        ? `${claim}: the signing service reports ${reconciliation.providerStatus}`
        : `${claim} by the signing service`;
      return line('warning', text, nextTry ?? checked, reconciliation.error);
    }
    case 'updated':
      return reconciliation.error
        ? line('info', 'Status from the signing service, not from the notifications', checked, reconciliation.error)
        : line('info', 'Status from the signing service (no callback came)');
    case 'failed':
      return line(
        'problem',
        `Could not reach the signing service: ${withoutFinalStop(reconciliation.error ?? 'no answer')}`,
        nextTry,
      );
    case 'pending':
      return line(
        'muted',
        reconciliation.claimedStatus
          ? `${statusLabel(reconciliation.claimedStatus)} notified; waiting for the signing service to confirm it`
          : 'Finish callback received; waiting for the signing service to confirm it',
        nextTry,
      );
    case 'not_checked':
      return reconciliation.providerConfirmsStatus
        ? line('muted', 'Not checked with the signing service yet', nextTry)
        : line('muted', 'Status as notified; no signing service is configured to confirm it', null);
  }
}

// The stored error is a sentence of its own; the summary goes on after it.
function withoutFinalStop(text: string): string {
  return text.replace(/\.\s*$/, '');
}
