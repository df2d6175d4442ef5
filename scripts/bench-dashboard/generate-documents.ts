import { createHash } from 'node:crypto';
import { uuidV7 } from '@/app/lib/db/sql-values';
import type { GeneratedBatch } from './generate-envelopes';

// The files the document fetch would have stored for some completed envelopes: a signed contract and an audit trail
// each, small valid PDFs whose text names the envelope, so every file has bytes (and a SHA-256) of its own, as the
// content-addressed store expects.

/** Files stored at the full size of a run; the small size stores proportionally fewer. */
export const DOCUMENT_FILES_AT_FULL_SIZE = 2_000;
const PAGES_PER_FILE = 6;
const LINES_PER_PAGE = 64;

export type GeneratedDocument = {
  id: string;
  envelopeId: string;
  kind: 'signed' | 'auditTrail';
  providerFileId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  pageCount: number;
  fetchedAt: Date;
  bytes: Buffer;
};

/** How many files a fill of `total` envelopes stores, in proportion to the run's full size: two per envelope. */
export function documentFileCount(total: number, fullSize: number): number {
  return 2 * Math.max(1, Math.round((DOCUMENT_FILES_AT_FULL_SIZE / 2) * (total / fullSize)));
}

/**
 * Chooses the envelopes with files, spread evenly over the list: the first envelope whose fetch stored its files at
 * or after each step of total / envelopes. Batches must come in order.
 */
export class DocumentPicker {
  private chosen = 0;
  private readonly envelopes: number;
  private readonly step: number;

  constructor(options: { total: number; files: number }) {
    this.envelopes = options.files / 2;
    this.step = options.total / this.envelopes;
  }

  documentsOf(batch: GeneratedBatch, from: number, now: Date): GeneratedDocument[] {
    const stored = new Map(
      batch.documentFetches.filter((fetch) => fetch.status === 'stored').map((fetch) => [fetch.envelopeId, fetch.at]),
    );
    const documents: GeneratedDocument[] = [];
    for (const [offset, envelope] of batch.envelopes.entries()) {
      const storedAt = stored.get(envelope.id);
      if (!storedAt || this.chosen >= this.envelopes || from + offset < this.chosen * this.step) continue;
      this.chosen++;
      // Fetched shortly after the envelope finished.
      const fetchedAt = new Date(Math.min(storedAt.getTime() + 20_000, now.getTime()));
      const title = envelope.name ?? `Envelope ${envelope.id}`;
      documents.push(
        documentOf({ envelopeId: envelope.id, kind: 'signed', fileName: `${title}.pdf`, title, fetchedAt }),
        documentOf({
          envelopeId: envelope.id,
          kind: 'auditTrail',
          fileName: `${title} - audit trail.pdf`,
          title: `Audit trail: ${title}`,
          fetchedAt,
        }),
      );
    }
    return documents;
  }
}

function documentOf(options: {
  envelopeId: string;
  kind: GeneratedDocument['kind'];
  fileName: string;
  title: string;
  fetchedAt: Date;
}): GeneratedDocument {
  const bytes = benchPdf(`${options.title} (${options.envelopeId})`);
  return {
    id: uuidV7(options.fetchedAt.getTime()),
    envelopeId: options.envelopeId,
    kind: options.kind,
    providerFileId: options.kind === 'signed' ? 'document-1' : 'audit-trail-1',
    fileName: options.fileName,
    byteSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pageCount: PAGES_PER_FILE,
    fetchedAt: options.fetchedAt,
    bytes,
  };
}

/** A valid PDF of a few pages of Helvetica text (about 30 KB) whose every line names `title`. */
export function benchPdf(title: string): Buffer {
  const safeTitle = title.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, '\\$&');
  const pageObjects = Array.from({ length: PAGES_PER_FILE }, (_, page) => 4 + page * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageObjects.map((id) => `${id} 0 R`).join(' ')}] /Count ${PAGES_PER_FILE} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (const [page, id] of pageObjects.entries()) {
    const lines = Array.from(
      { length: LINES_PER_PAGE },
      (_, line) => `(${safeTitle}: page ${page + 1}, clause ${line + 1}.) '`,
    );
    const content = `BT /F1 8 Tf 10 TL 40 810 Td\n${lines.join('\n')}\nET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  // Every byte is ASCII, so string lengths are byte offsets.
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
