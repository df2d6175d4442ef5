import { describe, expect, it } from 'vitest';
import type { ReconciliationDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { summarizeReconciliation, type ReconciliationSummary } from './reconciliation-summary';

const base: ReconciliationDetail = {
  state: 'not_checked',
  providerStatus: null,
  reconciledAt: null,
  error: null,
  nextAttemptAt: null,
  finishCallbackAt: null,
  claimedStatus: null,
  claimedAt: null,
  providerConfirmsStatus: true,
};
const at = '2025-03-01T10:00:00.000Z';
const later = '2025-03-01T10:10:00.000Z';
const checkedAt = { prefix: 'checked', iso: at, relative: true };
const nextTryLater = { prefix: 'next try at', iso: later, relative: false };

describe('summarizeReconciliation', () => {
  it.each<[string, Partial<ReconciliationDetail>, ReconciliationSummary]>([
    [
      'says the status was confirmed, and when',
      { state: 'confirmed', providerStatus: 'Completed', reconciledAt: at },
      { tone: 'confirmed', text: 'Confirmed by the signing service', detail: null, time: checkedAt },
    ],
    [
      "names the service's status when a finish callback is not confirmed, and when it is asked again",
      {
        state: 'mismatch',
        providerStatus: 'Active',
        reconciledAt: at,
        nextAttemptAt: later,
        finishCallbackAt: at,
        error: 'A finish callback arrived, but the signing service reports the envelope Active.',
      },
      {
        tone: 'warning',
        text: 'Finish callback not confirmed: the signing service reports Active',
        detail: 'A finish callback arrived, but the signing service reports the envelope Active.',
        time: nextTryLater,
      },
    ],
    [
      'gives the reason and the next try when the service could not be reached',
      { state: 'failed', error: 'Timed out after 30 s.', nextAttemptAt: later },
      {
        tone: 'problem',
        text: 'Could not reach the signing service: Timed out after 30 s',
        detail: null,
        time: nextTryLater,
      },
    ],
  ])('%s', (_name, reconciliation, summary) => {
    expect(summarizeReconciliation({ ...base, ...reconciliation })).toEqual(summary);
  });

  it('says only "not confirmed" when a finish callback is not confirmed and the service named no status', () => {
    const unknown = summarizeReconciliation({ ...base, state: 'mismatch', error: 'Unknown to the service.' });
    expect(unknown.text).toBe('Not confirmed by the signing service');
  });

  it('marks a status that came from the signing service rather than a callback', () => {
    expect(summarizeReconciliation({ ...base, state: 'updated', providerStatus: 'Canceled' }).text).toBe(
      'Status from the signing service (no callback came)',
    );
  });

  it('tells "not checked yet" apart from "nothing can check it"', () => {
    expect(summarizeReconciliation(base).text).toBe('Not checked with the signing service yet');
    expect(summarizeReconciliation({ ...base, providerConfirmsStatus: false }).text).toMatch(/no signing service/);
  });

  it('names a notified final status that waits for confirmation, and one the service does not back', () => {
    const claim = { claimedStatus: 'rejected' as const, claimedAt: at, nextAttemptAt: later };
    expect(summarizeReconciliation({ ...base, ...claim, state: 'pending' }).text).toBe(
      'Rejected notified; waiting for the signing service to confirm it',
    );
    expect(summarizeReconciliation({ ...base, ...claim, state: 'mismatch', providerStatus: 'Active' }).text).toBe(
      'Rejected not confirmed: the signing service reports Active',
    );
  });

  it('explains a status the service reported against what a notification said', () => {
    const summary = summarizeReconciliation({
      ...base,
      state: 'updated',
      error: 'A notification reported the envelope rejected; the signing service reports Completed, which is shown.',
    });
    expect(summary.text).toBe('Status from the signing service, not from the notifications');
    expect(summary.detail).toContain('reported the envelope rejected');
  });
});
