import { actionLabel, actionTone, FINISH_CALLBACK_ACTION } from './lifecycle/envelope-actions';
import { isFinalStatus, statusLabel, type EnvelopeStatus } from './lifecycle/envelope-statuses';

/**
 * What a list calls an envelope's last event. eSignAnyWhere's finish callback means "completed or rejected", so once
 * the envelope has ended, a finish (callback, envelopeFinished) says how it ended ("Rejected", "Completed"); while
 * it waits for confirmation it is only a finish callback. Never "Finished" for an envelope that did not complete.
 */
export function lastEventLabel(status: EnvelopeStatus, action: string): string {
  if (actionTone(action, false) !== 'finished') return actionLabel(action);
  return isFinalStatus(status) ? statusLabel(status) : actionLabel(FINISH_CALLBACK_ACTION);
}
