// Deliveries refused by a hook's own protections are never replayed: replay must not become a way around them.
// Shared by the replay API and the Deliveries page, which explains it before anyone clicks.
const NOT_REPLAYABLE: Record<string, string> = {
  invalid_signature: 'the signature did not match the hook’s signing secret',
  source_not_allowed: 'the sender’s address is outside the hook’s allowed networks',
  body_too_large: 'the body was larger than the hook accepts',
  signed_hook_requires_body: 'the hook requires signed deliveries, and this one was not a signed POST body',
};

/** Why a delivery with this error code cannot be replayed, or null when it can. */
export function whyNotReplayable(errorCode: string | null): string | null {
  return (errorCode && NOT_REPLAYABLE[errorCode]) || null;
}
