/** The action of a finish callback that names no action (eSignAnyWhere's CallbackUrl with only the envelope id). */
export const FINISH_CALLBACK_ACTION = 'finishCallback';
