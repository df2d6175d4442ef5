/** The 404 every envelope route answers for an id the app has never been notified of (the id cut for the message). */
export function envelopeNotFound(envelopeId: string) {
  return {
    ok: false as const,
    status: 404 as const,
    code: 'not_found',
    message: `No envelope ${envelopeId.slice(0, 128)} has been notified to this app.`,
  };
}
