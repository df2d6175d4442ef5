/** The query string FintechOS and eSignAnyWhere fill in: the `##...##` placeholders. */
export const PLACEHOLDER_QUERY =
  'envelopeId=##EnvelopeId##&action=##Action##&recipientEmail=##RecipientEmail##&recipientOrder=##RecipientOrder##';

export function hookUrl(publicUrl: string, hookId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/webhooks/${hookId}`;
}

/** The two values to paste into the sign request (the same URL: the finish callback is told apart by its fields). */
export function hookUrlTemplates(publicUrl: string, hookId: string) {
  const url = `${hookUrl(publicUrl, hookId)}?${PLACEHOLDER_QUERY}`;
  return { webhookUrl: url, webhookStatusUrl: url };
}

/**
 * The integrator's own parameters go in front of `envelopeId=`: they come back with every notification. Stray `?`/`&`
 * at either end are dropped so a pasted "?contract=123&" still works.
 */
export function withCustomQuery(url: string, customQuery: string): string {
  const custom = customQuery.trim().replace(/^[?&]+|&+$/g, '');
  const index = url.indexOf('envelopeId=');
  if (!custom || index === -1) return url;
  return `${url.slice(0, index)}${custom}&${url.slice(index)}`;
}
