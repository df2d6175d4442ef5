// The status-callback actions eSignAnyWhere documents, in the words operations people use.
const ACTION_LABELS = new Map<string, string>([
  ['sendSignNotification', 'Invitation sent'],
  ['workstepOpened', 'Opened'],
  ['workstepFinished', 'Signed'],
  ['workstepRejected', 'Rejected'],
  ['workstepDelegated', 'Delegated'],
  ['workstepDelegatedSenderActionRequired', 'Delegated, sender must act'],
  ['envelopeExpired', 'Expired'],
  ['envelopeFinished', 'Finished'],
  // The app's own name for a finish callback that named no action (eSignAnyWhere's CallbackUrl).
  ['finishCallback', 'Finish callback'],
  // Written by reconciliation when the signing service, not a notification, reported the final status.
  ['envelopeCompleted', 'Completed'],
  ['envelopeRejected', 'Rejected'],
  ['envelopeCanceled', 'Canceled'],
]);

/** A human label for a notification action; unknown actions are shown as they came so nothing is hidden. */
export function actionLabel(action: string): string {
  return ACTION_LABELS.get(action) ?? action;
}
