import type { ReconciliationState } from '@/app/generated/prisma/sqlite/enums';
import { finalStatusFromProvider, isFinalStatus, reconciledActionOf, type EnvelopeStatus } from './envelope-statuses';
import type { EnvelopeTransition } from './envelope-transitions';

/** What the envelope held when the signing service was asked. */
export type EnvelopeBeforeReconciliation = {
  status: EnvelopeStatus;
  finishCallbackAt: Date | null;
  /** A final status a notification reported and the signing service has not confirmed yet. */
  claimedStatus: EnvelopeStatus | null;
  claimedAt: Date | null;
  finishedAt: Date | null;
  lastEventAt: Date;
};

export type ReconciliationDecision = {
  status: EnvelopeStatus;
  reconciliation: Extract<ReconciliationState, 'confirmed' | 'mismatch' | 'updated' | 'failed'>;
  /** Why the envelope is shown as it is when the service disagreed or could not be asked. */
  error: string | null;
  finishedAt: Date | null;
  nextReconcileAt: Date | null;
  /** A timeline entry saying the status came from the signing service, not from a notification. */
  event: { action: string; dedupeKey: string } | null;
  fetchDocuments: boolean;
  /** The notified final status still waiting for confirmation: kept while the service says otherwise. */
  claimedStatus: EnvelopeStatus | null;
};

const MIN_RECHECK_MS = 30_000;
const MAX_RECHECK_MS = 6 * 3_600_000;

/**
 * A wait that doubles with the time since the trigger (finish callback, else last event): 30 s,
 * 30 s, 1 min, 2 min ... up to 6 hours, without having to count attempts.
 */
export function recheckDelayMs(envelope: EnvelopeBeforeReconciliation, now: Date): number {
  const anchor = envelope.finishCallbackAt ?? envelope.claimedAt ?? envelope.lastEventAt;
  return Math.min(Math.max(now.getTime() - anchor.getTime(), MIN_RECHECK_MS), MAX_RECHECK_MS);
}

/**
 * What the signing service's word does to an envelope. The service is the authority on final
 * states; a finish callback it does not back (it still reports Active) never completes an envelope.
 */
export function decideReconciliation(options: {
  envelope: EnvelopeBeforeReconciliation;
  providerStatus: string;
  now: Date;
  reconcileAfterMs: number;
}): ReconciliationDecision {
  const { envelope, providerStatus, now, reconcileAfterMs } = options;
  const final = finalStatusFromProvider(providerStatus);
  const unchanged = {
    status: envelope.status,
    finishedAt: envelope.finishedAt,
    event: null,
    fetchDocuments: false,
    claimedStatus: envelope.claimedStatus,
  };

  if (final === null) {
    const awaitingFinish = envelope.finishCallbackAt !== null && !isFinalStatus(envelope.status);
    if (awaitingFinish || envelope.claimedStatus !== null || isFinalStatus(envelope.status)) {
      const anchor = envelope.claimedAt ?? envelope.finishCallbackAt ?? envelope.lastEventAt;
      const age = now.getTime() - anchor.getTime();
      // Checked again soon while a premature callback may still be confirmed, then like any idle envelope.
      const delay = age < reconcileAfterMs ? recheckDelayMs(envelope, now) : reconcileAfterMs;
      const claim =
        envelope.claimedStatus !== null
          ? `A notification reported the envelope ${envelope.claimedStatus} at ${envelope.claimedAt!.toISOString()}`
          : awaitingFinish
            ? `A finish callback arrived at ${envelope.finishCallbackAt!.toISOString()}`
            : `The notifications say ${envelope.status}`;
      return {
        ...unchanged,
        reconciliation: 'mismatch',
        error: `${claim}, but the signing service reports the envelope ${providerStatus}, so it is not shown as finished. It is asked again; a premature notification is confirmed then, a forged one never is.`,
        nextReconcileAt: new Date(now.getTime() + delay),
      };
    }
    return {
      ...unchanged,
      reconciliation: 'confirmed',
      error: null,
      nextReconcileAt: new Date(now.getTime() + reconcileAfterMs),
    };
  }

  const base = {
    status: final,
    error: null,
    nextReconcileAt: null,
    fetchDocuments: final === 'completed',
    claimedStatus: null,
  };
  if (envelope.status === final) {
    return { ...base, reconciliation: 'confirmed', finishedAt: envelope.finishedAt ?? now, event: null };
  }
  if (envelope.claimedStatus === final) {
    return {
      ...base,
      reconciliation: 'confirmed',
      finishedAt: envelope.finishedAt ?? envelope.claimedAt ?? now,
      event: null,
    };
  }
  // The finish callback means "completed or rejected"; the service says which.
  if (envelope.finishCallbackAt !== null && (final === 'completed' || final === 'rejected')) {
    return {
      ...base,
      reconciliation: 'confirmed',
      finishedAt: envelope.finishedAt ?? envelope.finishCallbackAt,
      event: null,
    };
  }
  return {
    ...base,
    reconciliation: 'updated',
    error:
      envelope.claimedStatus !== null
        ? `A notification reported the envelope ${envelope.claimedStatus}; the signing service reports ${providerStatus}, which is shown.`
        : null,
    finishedAt: envelope.finishedAt ?? now,
    event: { action: reconciledActionOf(final), dedupeKey: `reconciliation|${final}` },
  };
}

/** The signing service could not be asked (or does not know the envelope). */
export function decideAfterFailure(options: {
  envelope: EnvelopeBeforeReconciliation;
  now: Date;
  error: string;
  unknownToProvider: boolean;
}): Pick<ReconciliationDecision, 'reconciliation' | 'error' | 'nextReconcileAt'> {
  const { envelope, now, error } = options;
  if (options.unknownToProvider) {
    // Nothing will change by asking again: a callback for an envelope the service never had is not trusted.
    return {
      reconciliation: 'mismatch',
      error: `${error} Its notifications are kept but not confirmed.`,
      nextReconcileAt: null,
    };
  }
  return {
    reconciliation: 'failed',
    error,
    nextReconcileAt: new Date(now.getTime() + recheckDelayMs(envelope, now)),
  };
}

/** The transitions a recorded reconciliation makes: the status the service reported, and its verdict. */
export function reconciliationTransitions(options: {
  envelopeId: string;
  before: { status: EnvelopeStatus; reconciliation: ReconciliationState };
  after: { status: EnvelopeStatus; reconciliation: ReconciliationState };
  providerStatus: string | null;
  at: Date;
}): EnvelopeTransition[] {
  const { envelopeId, before, after, providerStatus, at } = options;
  const base = { envelopeId, cause: 'reconciliation' as const, recipient: null, at };
  const transitions: EnvelopeTransition[] = [];
  if (after.status !== before.status) {
    transitions.push({ ...base, kind: 'status', from: before.status, to: after.status, confirmed: true });
  }
  if (after.reconciliation !== before.reconciliation) {
    transitions.push({
      ...base,
      kind: 'reconciliation',
      from: before.reconciliation,
      to: after.reconciliation,
      providerStatus,
    });
  }
  return transitions;
}
