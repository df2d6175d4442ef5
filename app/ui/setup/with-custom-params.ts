/**
 * Puts the integrator's own query parameters in front of `envelopeId=`, where the receiver expects them: they come
 * back with every notification. Stray `?`/`&` at either end are dropped so a pasted "?contract=123&" still works.
 */
export function withCustomParams(url: string, customQuery: string): string {
  const custom = customQuery.trim().replace(/^[?&]+|&+$/g, '');
  if (!custom) return url;
  const index = url.indexOf('envelopeId=');
  if (index === -1) return url;
  return `${url.slice(0, index)}${custom}&${url.slice(index)}`;
}

/** The part of the FintechOS sign request that wires notifications, ready to paste. */
export function signRequestSnippet(webhookUrl: string, webhookStatusUrl: string): string {
  return JSON.stringify(
    { SignedDocumentName: 'signedContract', WebhookUrl: webhookUrl, WebhookStatusUrl: webhookStatusUrl },
    null,
    2,
  );
}
