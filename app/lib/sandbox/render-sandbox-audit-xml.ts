import type { SandboxEnvelopeState } from './get-sandbox-envelope';

/** The audit trail as XML (eSignAnyWhere's AuditTrail.XmlFileId), for machines rather than people. */
export function renderSandboxAuditXml(envelope: SandboxEnvelopeState): string {
  const byOrder = new Map(envelope.recipients.map((recipient) => [recipient.recipientOrder, recipient]));
  const events = envelope.events.map((event) => {
    const email = event.recipientOrder === null ? null : (byOrder.get(event.recipientOrder)?.email ?? null);
    const recipient = email === null ? '' : ` recipientOrder="${event.recipientOrder}" email="${escapeXml(email)}"`;
    return `    <Event type="${escapeXml(event.type)}" time="${event.createdAt.toISOString()}"${recipient} />`;
  });
  const finished = envelope.finishedAt ? ` finished="${envelope.finishedAt.toISOString()}"` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<AuditTrail envelopeId="${escapeXml(envelope.id)}" status="${escapeXml(envelope.status)}" sent="${envelope.sentAt.toISOString()}"${finished}>`,
    `  <Name>${escapeXml(envelope.name)}</Name>`,
    '  <Events>',
    ...events,
    '  </Events>',
    '</AuditTrail>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
