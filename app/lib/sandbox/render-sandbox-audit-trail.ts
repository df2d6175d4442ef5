import type { SandboxEnvelopeState } from './get-sandbox-envelope';
import {
  CONTENT_WIDTH,
  createSandboxPdf,
  drawPageFrame,
  drawPageNumbers,
  fitText,
  formatUtc,
  INK,
  MARGIN,
  MUTED,
  PAGE_SIZE,
  RULE,
  type RenderedPdf,
} from './sandbox-pdf';
import { SANDBOX_EVENT_LABELS, type SandboxEventType } from './sandbox-vocabulary';

const ROW_HEIGHT = 17;
const COLUMNS = { time: MARGIN, event: MARGIN + 128, recipient: MARGIN + 262 };

/** The audit trail: the envelope's facts, then every event of its history with its time, as many pages as it takes. */
export async function renderSandboxAuditTrail(envelope: SandboxEnvelopeState): Promise<RenderedPdf> {
  const pdf = await createSandboxPdf(envelope, 'Audit trail');
  const label = `Audit trail - envelope ${envelope.id}`;
  let page = pdf.document.addPage(PAGE_SIZE);
  drawPageFrame(pdf, page, label);
  let y = PAGE_SIZE[1] - 76;

  page.drawText('Audit trail', { x: MARGIN, y, size: 17, font: pdf.bold, color: INK });
  y -= 26;
  const facts: [string, string][] = [
    ['Envelope', envelope.id],
    ['Document', envelope.name],
    ['Status', envelope.status],
    ['Sent', formatUtc(envelope.sentAt)],
    ['Finished', envelope.finishedAt ? formatUtc(envelope.finishedAt) : '-'],
    ['Signers', envelope.recipients.map((r) => `${r.recipientOrder}. ${r.givenName} ${r.surname}`).join(', ')],
  ];
  for (const [name, value] of facts) {
    page.drawText(name, { x: MARGIN, y, size: 9, font: pdf.bold, color: MUTED });
    page.drawText(fitText(pdf.regular, value, 9.5, CONTENT_WIDTH - 80), {
      x: MARGIN + 80,
      y,
      size: 9.5,
      font: pdf.regular,
      color: INK,
    });
    y -= 15;
  }
  y -= 14;

  const header = () => {
    page.drawText('Time (UTC)', { x: COLUMNS.time, y, size: 8.5, font: pdf.bold, color: MUTED });
    page.drawText('Event', { x: COLUMNS.event, y, size: 8.5, font: pdf.bold, color: MUTED });
    page.drawText('Recipient', { x: COLUMNS.recipient, y, size: 8.5, font: pdf.bold, color: MUTED });
    y -= 7;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_WIDTH, y }, thickness: 0.75, color: RULE });
    y -= 13;
  };
  header();

  const byOrder = new Map(envelope.recipients.map((recipient) => [recipient.recipientOrder, recipient]));
  for (const event of envelope.events) {
    if (y < 64) {
      page = pdf.document.addPage(PAGE_SIZE);
      drawPageFrame(pdf, page, label);
      y = PAGE_SIZE[1] - 76;
      header();
    }
    const recipient = event.recipientOrder === null ? undefined : byOrder.get(event.recipientOrder);
    const who = recipient
      ? `${recipient.recipientOrder}. ${recipient.givenName} ${recipient.surname} <${recipient.email}>`
      : '-';
    const what = SANDBOX_EVENT_LABELS[event.type as SandboxEventType] ?? event.type;
    page.drawText(formatUtc(event.createdAt).replace(' UTC', ''), {
      x: COLUMNS.time,
      y,
      size: 9,
      font: pdf.regular,
      color: INK,
    });
    page.drawText(fitText(pdf.regular, what, 9, COLUMNS.recipient - COLUMNS.event - 8), {
      x: COLUMNS.event,
      y,
      size: 9,
      font: pdf.regular,
      color: INK,
    });
    page.drawText(fitText(pdf.regular, who, 9, MARGIN + CONTENT_WIDTH - COLUMNS.recipient), {
      x: COLUMNS.recipient,
      y,
      size: 9,
      font: pdf.regular,
      color: INK,
    });
    y -= ROW_HEIGHT;
  }

  drawPageNumbers(pdf, `${envelope.name} - envelope ${envelope.id}`);
  return { bytes: await pdf.document.save(), pageCount: pdf.document.getPageCount() };
}
