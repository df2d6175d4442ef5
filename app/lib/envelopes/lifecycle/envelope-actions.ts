import {
  FINAL_STATUSES,
  reconciledActionOf,
  statusLabel,
  statusOutcome,
  type EnvelopeStatus,
  type ReconciledStatusAction,
} from './envelope-statuses';

// The actions an envelope's timeline holds, written once: eSignAnyWhere's status-callback actions, the app's own
// (a finish callback without an action, a final status learnt from the signing service), and "unknown" for any other
// word a sender uses, which is kept as it came. Ingest, reconciliation, the sandbox and the timeline take from here.

/** Where a recipient stands; each stage is reached once (a second open is counted, not a new stage). */
export type RecipientStage = 'invited' | 'opened' | 'signed' | 'rejected' | 'delegated';

/** How the timeline draws a step. */
export type ActionTone = 'invited' | 'opened' | 'signed' | 'problem' | 'finished' | 'other';

type ActionDefinition = {
  label: string;
  /** The status a notification with this action reports; statuses never move down (`laterStatus`). */
  impliedStatus: EnvelopeStatus | null;
  /**
   * May truly happen again (an invitation reminder, a second look): only copies within REPEAT_WINDOW_MS are the same
   * event. The others are milestones, stored once however often they arrive.
   */
  repeatable: boolean;
  /** The stage the notification's recipient reaches. */
  recipientStage: RecipientStage | null;
  /** Whether the sender must act afterwards: set by a delegation that asks for it, cleared by any progress. */
  senderAction: 'required' | 'resolved' | null;
  tone: ActionTone;
};

const SIGNING_SERVICE_ACTION_DEFINITIONS = {
  sendSignNotification: {
    label: 'Invitation sent',
    impliedStatus: 'sent',
    repeatable: true,
    recipientStage: 'invited',
    senderAction: 'resolved',
    tone: 'invited',
  },
  workstepOpened: {
    label: 'Opened',
    impliedStatus: 'opened',
    repeatable: true,
    recipientStage: 'opened',
    senderAction: 'resolved',
    tone: 'opened',
  },
  workstepFinished: {
    label: 'Signed',
    impliedStatus: 'partially_signed',
    repeatable: false,
    recipientStage: 'signed',
    senderAction: 'resolved',
    tone: 'signed',
  },
  workstepRejected: {
    label: 'Rejected',
    impliedStatus: 'rejected',
    repeatable: false,
    recipientStage: 'rejected',
    senderAction: null,
    tone: 'problem',
  },
  workstepDelegated: {
    label: 'Delegated',
    impliedStatus: null,
    repeatable: false,
    recipientStage: 'delegated',
    senderAction: null,
    tone: 'other',
  },
  workstepDelegatedSenderActionRequired: {
    label: 'Delegated, sender must act',
    impliedStatus: null,
    repeatable: false,
    recipientStage: 'delegated',
    senderAction: 'required',
    tone: 'problem',
  },
  envelopeExpired: {
    label: 'Expired',
    impliedStatus: 'expired',
    repeatable: false,
    recipientStage: null,
    senderAction: null,
    tone: 'problem',
  },
  // Only as a finish callback does it report a status (see `statusImpliedBy`).
  envelopeFinished: {
    label: 'Finished',
    impliedStatus: null,
    repeatable: false,
    recipientStage: null,
    senderAction: null,
    tone: 'finished',
  },
} as const satisfies Record<string, ActionDefinition>;

/** The status-callback actions eSignAnyWhere documents. */
export type SigningServiceAction = keyof typeof SIGNING_SERVICE_ACTION_DEFINITIONS;

export const SIGNING_SERVICE_ACTIONS = Object.keys(SIGNING_SERVICE_ACTION_DEFINITIONS) as [
  SigningServiceAction,
  ...SigningServiceAction[],
];

/** The app's name for a finish callback that named no action (eSignAnyWhere's CallbackUrl with only the id). */
export const FINISH_CALLBACK_ACTION = 'finishCallback';

/** The app's name for a reminder someone asked the signing service to send from the envelope's page. */
export const REMINDER_SENT_ACTION = 'reminderSent';

/** Every action the app knows by name; anything else a sender writes is "unknown" and kept as it came. */
export type ActionName =
  SigningServiceAction | typeof FINISH_CALLBACK_ACTION | typeof REMINDER_SENT_ACTION | ReconciledStatusAction;

// The app's own actions report nothing when a sender uses their names, and such notifications are not milestones:
// only eSignAnyWhere's own words are trusted to mean something.
const FINISH_CALLBACK_DEFINITION: ActionDefinition = {
  label: 'Finish callback',
  impliedStatus: null,
  repeatable: true,
  recipientStage: null,
  senderAction: null,
  tone: 'finished',
};

// Sent on request, as often as people ask: each one is its own step on the timeline.
const REMINDER_SENT_DEFINITION: ActionDefinition = {
  label: 'Reminder sent',
  impliedStatus: null,
  repeatable: true,
  recipientStage: null,
  senderAction: null,
  tone: 'invited',
};

const UNKNOWN_DEFINITION: Omit<ActionDefinition, 'label'> = {
  impliedStatus: null,
  repeatable: true,
  recipientStage: null,
  senderAction: null,
  tone: 'other',
};

// A final status learnt from the signing service is named and drawn after the status itself.
const RECONCILED_DEFINITIONS = new Map<string, ActionDefinition>(
  FINAL_STATUSES.map((status) => [
    reconciledActionOf(status),
    {
      label: statusLabel(status),
      impliedStatus: null,
      repeatable: true,
      recipientStage: null,
      senderAction: null,
      tone: statusOutcome(status) === 'signed' ? 'finished' : 'problem',
    },
  ]),
);

const DEFINITIONS = new Map<string, ActionDefinition>([
  ...RECONCILED_DEFINITIONS,
  ...Object.entries(SIGNING_SERVICE_ACTION_DEFINITIONS),
  [FINISH_CALLBACK_ACTION, FINISH_CALLBACK_DEFINITION],
  [REMINDER_SENT_ACTION, REMINDER_SENT_DEFINITION],
]);

function definitionOf(action: string): ActionDefinition {
  return DEFINITIONS.get(action) ?? { ...UNKNOWN_DEFINITION, label: action };
}

/** The action's name when the app knows it, else "unknown". */
export function classifyAction(action: string): ActionName | 'unknown' {
  return DEFINITIONS.has(action) ? (action as ActionName) : 'unknown';
}

export function isSigningServiceAction(action: string): action is SigningServiceAction {
  return Object.hasOwn(SIGNING_SERVICE_ACTION_DEFINITIONS, action);
}

/** A human label for an action; unknown actions are shown as they came, so nothing is hidden. */
export function actionLabel(action: string): string {
  return definitionOf(action).label;
}

export function actionTone(action: string, isFinishCallback: boolean): ActionTone {
  return isFinishCallback ? 'finished' : definitionOf(action).tone;
}

export function isRepeatable(action: string): boolean {
  return definitionOf(action).repeatable;
}

/** Copies of a repeatable action closer together than this are one event. */
export const REPEAT_WINDOW_MS = 60_000;

export function recipientStageOf(action: string): RecipientStage | null {
  return definitionOf(action).recipientStage;
}

export function senderActionOf(action: string): ActionDefinition['senderAction'] {
  return definitionOf(action).senderAction;
}

/** The status a notification reports: a finish callback reports completion ("completed or rejected"). */
export function statusImpliedBy(action: string, isFinishCallback: boolean): EnvelopeStatus | null {
  if (isFinishCallback) return 'completed';
  return definitionOf(action).impliedStatus;
}
