/** The query string FintechOS and eSignAnyWhere fill in: the `##...##` placeholders. */
export const PLACEHOLDER_QUERY =
  'envelopeId=##EnvelopeId##&action=##Action##&recipientEmail=##RecipientEmail##&recipientOrder=##RecipientOrder##';

export function hookUrl(publicUrl: string, hookId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/webhooks/${hookId}`;
}

/** The two values to paste into the sign request; custom parameters go before the placeholders. */
export function hookUrlTemplates(publicUrl: string, hookId: string, customQuery = '') {
  const custom = customQuery.replace(/^[?&]+|&+$/g, '');
  const query = custom ? `${custom}&${PLACEHOLDER_QUERY}` : PLACEHOLDER_QUERY;
  const base = hookUrl(publicUrl, hookId);
  return { webhookUrl: `${base}?${query}`, webhookStatusUrl: `${base}?${query}` };
}
