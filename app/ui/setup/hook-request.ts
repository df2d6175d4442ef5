/** Sends a change to the hook API and turns a failure into the message the API gave (or a plain fallback). */
export async function sendHookRequest(url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown) {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error('The app could not be reached. Check the connection and try again.');
  }
  if (response.ok) return;
  const payload: unknown = await response.json().catch(() => null);
  const message =
    typeof payload === 'object' &&
    payload !== null &&
    'error' in payload &&
    typeof payload.error === 'object' &&
    payload.error !== null &&
    'message' in payload.error &&
    typeof payload.error.message === 'string'
      ? payload.error.message
      : `The request failed (HTTP ${response.status}).`;
  throw new Error(message);
}
