import type { SandboxEnvelopeState } from './get-sandbox-envelope';
import { activityId } from './present-sandbox-envelope';

/** GET /Api/v6/envelope/{id}/history: every event, oldest first, with the recipient it concerns. */
export function presentSandboxHistory(envelope: SandboxEnvelopeState) {
  const byOrder = new Map(envelope.recipients.map((recipient) => [recipient.recipientOrder, recipient]));
  return {
    Events: envelope.events.map((event) => {
      const recipient = event.recipientOrder === null ? undefined : byOrder.get(event.recipientOrder);
      return {
        Type: event.type,
        CreationDate: event.createdAt.toISOString(),
        ActivityId: recipient ? activityId(envelope.id, recipient.recipientOrder) : null,
        Email: recipient?.email ?? null,
      };
    }),
  };
}
