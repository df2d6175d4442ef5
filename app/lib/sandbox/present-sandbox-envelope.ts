import type { SandboxEnvelopeState } from './get-sandbox-envelope';
import { sandboxSender } from './sandbox-envelope-details';

/** GET /Api/v6/envelope/{id}: the envelope as eSignAnyWhere describes it, its sender, one activity per recipient. */
export function presentSandboxEnvelope(envelope: SandboxEnvelopeState) {
  return {
    Id: envelope.id,
    Name: envelope.name,
    EnvelopeStatus: envelope.status,
    SentDate: envelope.sentAt.toISOString(),
    Sender: sandboxSender(envelope.id),
    Activities: envelope.recipients.map((recipient) => ({
      Id: activityId(envelope.id, recipient.recipientOrder),
      Status: recipient.status,
      OpenedDate: recipient.openedAt?.toISOString() ?? null,
      FinishedDate: recipient.finishedAt?.toISOString() ?? null,
      StatusReason: recipient.statusReason,
      Action: { Email: recipient.email, GivenName: recipient.givenName, Surname: recipient.surname },
    })),
  };
}

/** A stable id per recipient, so repeated reads name each activity the same way. */
export function activityId(envelopeId: string, recipientOrder: number): string {
  return `${envelopeId}_activity-${recipientOrder}`;
}
