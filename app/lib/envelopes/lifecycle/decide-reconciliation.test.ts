import { describe, expect, it } from 'vitest';
import {
  decideAfterFailure,
  decideReconciliation,
  recheckDelayMs,
  type EnvelopeBeforeReconciliation,
} from './decide-reconciliation';

const T0 = new Date('2026-06-01T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const DAY_MS = 24 * 3_600_000;

const open: EnvelopeBeforeReconciliation = {
  status: 'partially_signed',
  finishCallbackAt: null,
  claimedStatus: null,
  claimedAt: null,
  finishedAt: null,
  lastEventAt: T0,
};
const afterFinishCallback: EnvelopeBeforeReconciliation = { ...open, finishCallbackAt: at(10), lastEventAt: at(10) };

const decide = (envelope: EnvelopeBeforeReconciliation, providerStatus: string, now = at(40)) =>
  decideReconciliation({ envelope, providerStatus, now, reconcileAfterMs: DAY_MS });

describe('what the signing service says about an envelope', () => {
  it('completes an envelope whose finish callback it confirms, and asks for its documents', () => {
    expect(decide(afterFinishCallback, 'Completed')).toEqual({
      status: 'completed',
      reconciliation: 'confirmed',
      error: null,
      finishedAt: at(10),
      nextReconcileAt: null,
      event: null,
      fetchDocuments: true,
      claimedStatus: null,
    });
  });

  it('never completes on a finish callback for an envelope it reports Active, and asks again soon', () => {
    const decision = decide(afterFinishCallback, 'Active');
    expect(decision).toMatchObject({ status: 'partially_signed', reconciliation: 'mismatch', fetchDocuments: false });
    expect(decision.error).toContain('reports the envelope Active');
    expect(decision.nextReconcileAt).toEqual(at(70)); // 30 s after a 30 s old callback
  });

  it('asks about a long-disputed callback only as often as about any idle envelope', () => {
    const decision = decide(afterFinishCallback, 'Active', new Date(at(10).getTime() + 2 * DAY_MS));
    expect(decision.nextReconcileAt).toEqual(new Date(at(10).getTime() + 3 * DAY_MS));
  });

  it('takes the final status of an envelope whose callback never came, as an update with its own event', () => {
    for (const [word, status] of [
      ['Completed', 'completed'],
      ['Rejected', 'rejected'],
      ['Expired', 'expired'],
      ['Canceled', 'canceled'],
    ] as const) {
      const decision = decide(open, word);
      expect(decision).toMatchObject({
        status,
        reconciliation: 'updated',
        finishedAt: at(40),
        nextReconcileAt: null,
        fetchDocuments: status === 'completed',
      });
      expect(decision.event?.dedupeKey).toBe(`reconciliation|${status}`);
    }
    expect(decide(open, 'Canceled').event?.action).toBe('envelopeCanceled');
  });

  it('reads a finish callback for a rejected envelope as confirmed (finished means completed or rejected)', () => {
    expect(decide(afterFinishCallback, 'Rejected')).toMatchObject({
      status: 'rejected',
      reconciliation: 'confirmed',
      event: null,
      fetchDocuments: false,
    });
  });

  it('confirms an open envelope it reports Active and checks it again after RECONCILE_AFTER_HOURS', () => {
    expect(decide(open, 'Active')).toMatchObject({
      status: 'partially_signed',
      reconciliation: 'confirmed',
      nextReconcileAt: new Date(at(40).getTime() + DAY_MS),
    });
  });

  it('treats a status word it does not know as still open', () => {
    expect(decide(open, 'ActionRequired')).toMatchObject({ status: 'partially_signed', reconciliation: 'confirmed' });
  });

  it('does not move a final status back when the service still says Active', () => {
    expect(decide({ ...open, status: 'expired', finishedAt: T0 }, 'Active')).toMatchObject({
      status: 'expired',
      reconciliation: 'mismatch',
    });
  });
});

describe('when the signing service cannot be asked', () => {
  it('retries with a wait that doubles with the age of the callback, from 30 seconds to 6 hours', () => {
    expect(recheckDelayMs(afterFinishCallback, at(10))).toBe(30_000);
    expect(recheckDelayMs(afterFinishCallback, at(130))).toBe(120_000);
    expect(recheckDelayMs(afterFinishCallback, at(10 + 3 * 86_400))).toBe(6 * 3_600_000);
    expect(
      decideAfterFailure({ envelope: afterFinishCallback, now: at(70), error: 'HTTP 500', unknownToProvider: false }),
    ).toEqual({
      reconciliation: 'failed',
      error: 'HTTP 500',
      nextReconcileAt: at(130),
    });
  });

  it('stops asking about an envelope the service does not know', () => {
    expect(
      decideAfterFailure({ envelope: afterFinishCallback, now: at(70), error: 'Unknown.', unknownToProvider: true }),
    ).toMatchObject({ reconciliation: 'mismatch', nextReconcileAt: null });
  });
});

describe('what the signing service says about a notified final status', () => {
  const claimed = (claimedStatus: 'rejected' | 'expired'): EnvelopeBeforeReconciliation => ({
    ...open,
    claimedStatus,
    claimedAt: at(10),
    lastEventAt: at(10),
  });

  it('takes a notified rejection it confirms, finished when it was notified', () => {
    expect(decide(claimed('rejected'), 'Rejected')).toMatchObject({
      status: 'rejected',
      reconciliation: 'confirmed',
      finishedAt: at(10),
      claimedStatus: null,
      event: null,
      fetchDocuments: false,
    });
  });

  it('shows what the service reports when it contradicts the notified status, and says so', () => {
    const decision = decide(claimed('rejected'), 'Completed');
    expect(decision).toMatchObject({ status: 'completed', reconciliation: 'updated', claimedStatus: null });
    expect(decision.error).toBe(
      'A notification reported the envelope rejected; the signing service reports Completed, which is shown.',
    );
  });

  it('keeps the claim unconfirmed while the service reports the envelope Active, and asks again soon', () => {
    const decision = decide(claimed('expired'), 'Active', at(40));
    expect(decision).toMatchObject({
      status: 'partially_signed',
      reconciliation: 'mismatch',
      claimedStatus: 'expired',
    });
    expect(decision.error).toContain('A notification reported the envelope expired at 2026-06-01T10:00:10.000Z');
    expect(decision.nextReconcileAt).toEqual(at(70));
  });

  it('confirms again a completed envelope whose rejection a forged notification claimed', () => {
    const forged = { ...claimed('rejected'), status: 'completed' as const, finishedAt: T0 };
    expect(decide(forged, 'Completed')).toMatchObject({
      status: 'completed',
      reconciliation: 'confirmed',
      finishedAt: T0,
      claimedStatus: null,
    });
  });
});
