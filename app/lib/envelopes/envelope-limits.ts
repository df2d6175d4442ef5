/**
 * What one envelope may hold, whatever its senders put in its notifications. Whoever holds a hook URL is untrusted,
 * so each of these keeps an envelope's rows, its search entry and the pages that show it bounded. A notification
 * that goes beyond a limit is still stored and answered 200 (a signing service would only retry a refusal); the
 * excess is dropped and the delivery log says what and why. README "Security model" lists them.
 */
export const ENVELOPE_LIMITS = {
  /** Custom values (the integrator's own callback parameters) an envelope keeps. */
  customValueKeys: 50,
  customValueKeyLength: 100,
  customValueLength: 2_000,
  /** Keys and values of an envelope's custom values together, in characters. */
  customValuesTotalLength: 16_384,
  recipients: 100,
  /** The lower-cased id, e-mails and custom values that search looks in. */
  searchTextLength: 8_192,
  /**
   * Timeline events an envelope keeps. Beyond it, invitations, opens and unknown actions (the ones that may repeat)
   * are no longer added; a recipient's signature or rejection and the envelope's end always are.
   */
  events: 1_000,
} as const;
