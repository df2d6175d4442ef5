import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { SandboxEnvelopeState } from './get-sandbox-envelope';

// What the sandbox's two PDFs share: fonts, page geometry, and what makes the bytes depend on the
// envelope's state only (dates taken from the envelope, pdf-lib's own metadata switched off).

export const PAGE_SIZE: [number, number] = [595.28, 841.89]; // A4 in points
export const MARGIN = 56;
export const CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN;

export const INK = rgb(0.09, 0.11, 0.16);
export const MUTED = rgb(0.38, 0.42, 0.49);
export const RULE = rgb(0.82, 0.85, 0.89);
export const BRAND = rgb(0.11, 0.3, 0.72);
export const DANGER = rgb(0.72, 0.11, 0.11);

export type RenderedPdf = { bytes: Uint8Array; pageCount: number };

export type SandboxPdf = {
  document: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
};

export async function createSandboxPdf(envelope: SandboxEnvelopeState, title: string): Promise<SandboxPdf> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(`${title}: ${printable(envelope.name)}`);
  document.setSubject(`Envelope ${envelope.id}`);
  document.setAuthor('Envelope Tracker sandbox signing service');
  document.setCreator('Envelope Tracker sandbox');
  document.setProducer('pdf-lib');
  document.setLanguage('en');
  document.setCreationDate(envelope.sentAt);
  document.setModificationDate(lastChangeOf(envelope));
  return {
    document,
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
    italic: await document.embedFont(StandardFonts.HelveticaOblique),
  };
}

/** The time of the envelope's latest change: its finish, else its last event, else when it was sent. */
export function lastChangeOf(envelope: SandboxEnvelopeState): Date {
  return envelope.finishedAt ?? envelope.events.at(-1)?.createdAt ?? envelope.sentAt;
}

/** "2026-11-29 14:03:27 UTC": the same text whatever the server's time zone. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

// The standard fonts only know WinAnsi; anything else would make pdf-lib throw.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function printable(text: string): string {
  return Array.from(text.normalize('NFC'), (character) => {
    const code = character.codePointAt(0)!;
    const isLatin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    return isLatin1 || WIN_ANSI_EXTRAS.has(character) ? character : '?';
  }).join('');
}

/** Splits text into lines no wider than `width`, breaking between words. */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Cuts text with an ellipsis so that it fits `width`. */
export function fitText(font: PDFFont, text: string, size: number, width: number): string {
  const safe = printable(text);
  if (font.widthOfTextAtSize(safe, size) <= width) return safe;
  let cut = safe;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The band at the top of every page saying what this is, and the page number at the bottom. */
export function drawPageFrame(pdf: SandboxPdf, page: PDFPage, label: string): void {
  page.drawText('SANDBOX - SIMULATED DOCUMENT, NOT LEGALLY BINDING', {
    x: MARGIN,
    y: PAGE_SIZE[1] - 36,
    size: 7.5,
    font: pdf.bold,
    color: MUTED,
  });
  page.drawText(label, {
    x: PAGE_SIZE[0] - MARGIN - pdf.regular.widthOfTextAtSize(label, 7.5),
    y: PAGE_SIZE[1] - 36,
    size: 7.5,
    font: pdf.regular,
    color: MUTED,
  });
}

/** Numbers every page "Page n of m" once all pages exist. */
export function drawPageNumbers(pdf: SandboxPdf, footer: string): void {
  const pages = pdf.document.getPages();
  pages.forEach((page, index) => {
    const number = `Page ${index + 1} of ${pages.length}`;
    page.drawLine({
      start: { x: MARGIN, y: 44 },
      end: { x: PAGE_SIZE[0] - MARGIN, y: 44 },
      thickness: 0.5,
      color: RULE,
    });
    page.drawText(fitText(pdf.regular, footer, 7.5, CONTENT_WIDTH - 80), {
      x: MARGIN,
      y: 32,
      size: 7.5,
      font: pdf.regular,
      color: MUTED,
    });
    page.drawText(number, {
      x: PAGE_SIZE[0] - MARGIN - pdf.regular.widthOfTextAtSize(number, 7.5),
      y: 32,
      size: 7.5,
      font: pdf.regular,
      color: MUTED,
    });
  });
}
