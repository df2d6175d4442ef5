/** The part of the FintechOS sign request that wires notifications, ready to paste. */
export function signRequestSnippet(webhookUrl: string, webhookStatusUrl: string): string {
  return JSON.stringify(
    { SignedDocumentName: 'signedContract', WebhookUrl: webhookUrl, WebhookStatusUrl: webhookStatusUrl },
    null,
    2,
  );
}
