import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers of one request: `webhook-id` (the event's id, the same on every retry),
 * `webhook-timestamp` and `webhook-signature`, signed with each key given (the current one, and the previous one for a
 * day after a rotation: a verifier accepts the request when any signature matches).
 */
export function signWebhookRequest(options: {
  messageId: string;
  timestamp: Date;
  body: string;
  secrets: readonly string[];
}): Record<string, string> {
  const signatures = options.secrets.map((secret) =>
    new Webhook(secret).sign(options.messageId, options.timestamp, options.body),
  );
  return {
    'webhook-id': options.messageId,
    'webhook-timestamp': String(Math.floor(options.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
