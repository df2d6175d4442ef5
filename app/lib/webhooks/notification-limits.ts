/** Field formats a notification is refused for (400), each with a message that says the allowed form. */
export const FIELD_LIMITS = {
  envelopeIdLength: 128,
  actionLength: 100,
  recipientEmailLength: 320,
  recipientOrderMax: 10_000,
  /** A workstep event callback's WorkstepId, Source, Time and Description. */
  workstepDetailLength: 500,
} as const;
