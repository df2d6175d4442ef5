import type { PDFPage } from 'pdf-lib';
import type { SandboxEnvelopeState } from './get-sandbox-envelope';
import {
  BRAND,
  CONTENT_WIDTH,
  createSandboxPdf,
  DANGER,
  drawPageFrame,
  drawPageNumbers,
  fitText,
  formatUtc,
  INK,
  MARGIN,
  MUTED,
  PAGE_SIZE,
  RULE,
  wrapText,
  type RenderedPdf,
  type SandboxPdf,
} from './sandbox-pdf';

const CLAUSES = [
  'This agreement is made between Sandbox Bank S.A. (the "Bank") and the signers named below, for the product ' +
    'named in the title of this document, on the terms the signers were shown before signing.',
  'Each signer confirms having read these terms and received a copy of them, and agrees to sign electronically. ' +
    'A signature placed through the signing service has the same effect between the parties as a handwritten one.',
  'The signers sign in the order shown. The agreement takes effect when the last signer has signed; if any signer ' +
    'rejects it, or it is not signed before it expires, it has no effect.',
  'This document was produced by the Envelope Tracker sandbox to exercise notifications and document downloads. ' +
    'The people, references and signatures in it are invented.',
];

const BLOCK_WIDTH = (CONTENT_WIDTH - 20) / 2;
const BLOCK_HEIGHT = 112;

/** The "signed document": the contract with a signature block per recipient, drawn as of the envelope's state. */
export async function renderSandboxContract(envelope: SandboxEnvelopeState): Promise<RenderedPdf> {
  const pdf = await createSandboxPdf(envelope, 'Contract');
  let page = pdf.document.addPage(PAGE_SIZE);
  drawPageFrame(pdf, page, `Envelope ${envelope.id}`);
  let y = PAGE_SIZE[1] - 76;

  for (const line of wrapText(pdf.bold, envelope.name, 17, CONTENT_WIDTH)) {
    page.drawText(line, { x: MARGIN, y, size: 17, font: pdf.bold, color: INK });
    y -= 22;
  }
  y -= 2;
  const facts = [`Sent ${formatUtc(envelope.sentAt)}`, `Status ${envelope.status}`];
  if (envelope.finishedAt) facts.push(`Finished ${formatUtc(envelope.finishedAt)}`);
  page.drawText(facts.join('   |   '), { x: MARGIN, y, size: 9, font: pdf.regular, color: MUTED });
  y -= 14;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + CONTENT_WIDTH, y }, thickness: 0.75, color: RULE });
  y -= 26;

  CLAUSES.forEach((clause, index) => {
    const lines = wrapText(pdf.regular, clause, 10.5, CONTENT_WIDTH - 18);
    page.drawText(`${index + 1}.`, { x: MARGIN, y, size: 10.5, font: pdf.bold, color: INK });
    for (const line of lines) {
      page.drawText(line, { x: MARGIN + 18, y, size: 10.5, font: pdf.regular, color: INK });
      y -= 15;
    }
    y -= 8;
  });

  y -= 10;
  page.drawText('Signatures', { x: MARGIN, y, size: 12, font: pdf.bold, color: INK });
  y -= 12;

  envelope.recipients.forEach((recipient, index) => {
    const column = index % 2;
    if (column === 0) {
      if (y - BLOCK_HEIGHT < 64) {
        page = pdf.document.addPage(PAGE_SIZE);
        drawPageFrame(pdf, page, `Envelope ${envelope.id}`);
        y = PAGE_SIZE[1] - 76;
      }
      y -= BLOCK_HEIGHT;
    }
    drawSignatureBlock(pdf, page, MARGIN + column * (BLOCK_WIDTH + 20), y, recipient);
    if (column === 1 || index === envelope.recipients.length - 1) y -= 14;
  });

  drawPageNumbers(pdf, `${envelope.name} - envelope ${envelope.id}`);
  return { bytes: await pdf.document.save(), pageCount: pdf.document.getPageCount() };
}

function drawSignatureBlock(
  pdf: SandboxPdf,
  page: PDFPage,
  x: number,
  y: number,
  recipient: SandboxEnvelopeState['recipients'][number],
): void {
  const inner = BLOCK_WIDTH - 24;
  page.drawRectangle({ x, y, width: BLOCK_WIDTH, height: BLOCK_HEIGHT, borderColor: RULE, borderWidth: 0.75 });
  const left = x + 12;
  const fullName = `${recipient.givenName} ${recipient.surname}`;
  page.drawText(`Signer ${recipient.recipientOrder}`, {
    x: left,
    y: y + BLOCK_HEIGHT - 18,
    size: 8,
    font: pdf.bold,
    color: MUTED,
  });
  page.drawText(fitText(pdf.bold, fullName, 11, inner), {
    x: left,
    y: y + BLOCK_HEIGHT - 33,
    size: 11,
    font: pdf.bold,
    color: INK,
  });
  page.drawText(fitText(pdf.regular, recipient.email, 8.5, inner), {
    x: left,
    y: y + BLOCK_HEIGHT - 46,
    size: 8.5,
    font: pdf.regular,
    color: MUTED,
  });

  const lineY = y + 30;
  if (recipient.status === 'Completed') {
    page.drawText(fitText(pdf.italic, fullName, 18, inner), {
      x: left + 4,
      y: lineY + 6,
      size: 18,
      font: pdf.italic,
      color: BRAND,
    });
  }
  page.drawLine({ start: { x: left, y: lineY }, end: { x: left + inner, y: lineY }, thickness: 0.75, color: INK });

  const caption = (text: string, color = MUTED) =>
    page.drawText(fitText(pdf.regular, text, 8, inner), { x: left, y: lineY - 12, size: 8, font: pdf.regular, color });
  if (recipient.status === 'Completed' && recipient.finishedAt) {
    caption(`Signed electronically ${formatUtc(recipient.finishedAt)}`);
  } else if (recipient.status === 'Rejected') {
    caption(`Rejected ${recipient.finishedAt ? formatUtc(recipient.finishedAt) : ''}`.trim(), DANGER);
    if (recipient.statusReason) {
      page.drawText(fitText(pdf.italic, `"${recipient.statusReason}"`, 7.5, inner), {
        x: left,
        y: lineY - 23,
        size: 7.5,
        font: pdf.italic,
        color: MUTED,
      });
    }
  } else {
    caption(recipient.status === 'Delegated' ? 'Delegated to someone else' : 'Awaiting signature');
  }
}
