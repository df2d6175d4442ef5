import 'server-only';
import { makeZip } from 'client-zip';
import { z } from 'zod';
import { prisma } from '@/app/lib/db/prisma';
import { csvRow } from '@/app/lib/envelopes/csv';
import { envelopeFiltersSchema } from '@/app/lib/envelopes/envelope-schemas';
import { readEnvelopeView } from '@/app/lib/envelopes/read-envelope-view';
import { getDocumentSettings, type DocumentSettings } from './document-settings';
import { openDocumentBytes } from './document-store';
import { safeZipSegment, uniqueZipName } from './zip-entry-names';

/** Envelopes read per page; their documents' rows (no bytes) come with each page. */
export const ZIP_EXPORT_BATCH_SIZE = 100;
export const MANIFEST_NAME = 'manifest.csv';

export const DOCUMENT_EXPORT_KINDS = ['documents', 'audit_trails', 'all'] as const;
export type DocumentExportKinds = (typeof DOCUMENT_EXPORT_KINDS)[number];

/** The home page's filters, as the CSV export takes them, and which files of each envelope. */
export const exportDocumentsQuerySchema = envelopeFiltersSchema.safeExtend({
  kinds: z.enum(DOCUMENT_EXPORT_KINDS, { error: `must be one of ${DOCUMENT_EXPORT_KINDS.join(', ')}` }).default('all'),
});
export type ExportDocumentsQuery = z.output<typeof exportDocumentsQuerySchema>;

type StoredKind = 'signed' | 'auditTrail';
const KINDS: Record<DocumentExportKinds, StoredKind[]> = {
  documents: ['signed'],
  audit_trails: ['auditTrail'],
  all: ['signed', 'auditTrail'],
};
const KIND_LABELS: Record<StoredKind, string> = { signed: 'document', auditTrail: 'audit trail' };
const KIND_ORDER: Record<StoredKind, number> = { signed: 0, auditTrail: 1 };

// Excel reads a UTF-8 file as UTF-8 only when it starts with a byte order mark (as the CSV export does).
const BYTE_ORDER_MARK = '\uFEFF';
const MANIFEST_HEADER = ['Envelope id', 'Kind', 'File in ZIP', 'SHA-256', 'Bytes', 'Note'];
const MISSING_NOTE = 'missing from the document store: not in this ZIP';

type ZipEntry = { name: string; lastModified: Date; input: string | AsyncIterable<Uint8Array> };

/**
 * The stored files of every envelope of a view (the CSV export's envelopes, read the same way) as one ZIP stream:
 * `<envelope id>/<file name>` per file, then `manifest.csv` with each file's SHA-256 as stored. Files are stored,
 * not deflated (PDFs are compressed already), and pulled one at a time as the download reads them: a page of
 * envelopes' rows and one file are in memory at a time, plus what every ZIP keeps to its end, a line per file for
 * its central directory (and here for the manifest).
 */
export function exportDocumentsZip(options: {
  query: ExportDocumentsQuery;
  batchSize?: number;
  now?: Date;
  settings?: DocumentSettings;
}): ReadableStream<Uint8Array> {
  const entries = zipEntries(options);
  // The ZIP writer stops its entries by throwing the cancellation's reason into them; a download stopped halfway
  // is no error, so they end as a loop left early does (which closes the file being read).
  const stoppable: AsyncIterable<ZipEntry> = {
    [Symbol.asyncIterator]: () => ({ next: () => entries.next(), throw: () => entries.return(undefined) }),
  };
  return makeZip(stoppable, { buffersAreUTF8: true });
}

async function* zipEntries(options: {
  query: ExportDocumentsQuery;
  batchSize?: number;
  now?: Date;
  settings?: DocumentSettings;
}): AsyncGenerator<ZipEntry> {
  const settings = options.settings ?? getDocumentSettings();
  const startedAt = options.now ?? new Date();
  const kinds = KINDS[options.query.kinds];
  // Folder names are unique in the ZIP, and none may be taken for the manifest.
  const folders = new Set([MANIFEST_NAME]);
  let manifest = BYTE_ORDER_MARK + csvRow(MANIFEST_HEADER);
  // The file being zipped: cancelled here if the download stops halfway (the ZIP writer lets go of it, never closes it).
  let reading: ReadableStreamDefaultReader<Uint8Array> | null = null;
  try {
    for await (const batch of readEnvelopeView({
      filters: { ...options.query, withDocuments: true },
      batchSize: options.batchSize ?? ZIP_EXPORT_BATCH_SIZE,
      startedAt,
    })) {
      if (batch.length === 0) continue;
      const envelopeIds = batch.map((envelope) => envelope.id);
      const rows = await prisma.document.findMany({
        where: { envelopeId: { in: envelopeIds }, kind: { in: kinds } },
        select: {
          id: true,
          envelopeId: true,
          kind: true,
          fileName: true,
          sha256: true,
          byteSize: true,
          storage: true,
          fetchedAt: true,
        },
      });
      // Per envelope: signed files first, then audit trails, each by name (so names numbered for being taken twice
      // get the same number in every download).
      const byEnvelope = Map.groupBy(
        rows.sort(
          (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.fileName, b.fileName) || compare(a.id, b.id),
        ),
        (row) => row.envelopeId,
      );
      for (const envelopeId of envelopeIds) {
        const documents = byEnvelope.get(envelopeId);
        if (!documents) continue;
        const folder = uniqueZipName(safeZipSegment(envelopeId, 'envelope'), folders);
        const files = new Set<string>();
        for (const document of documents) {
          const kind = KIND_LABELS[document.kind];
          const opened = await openDocumentBytes({ sha256: document.sha256, storage: document.storage, settings });
          if (!opened) {
            manifest += csvRow([envelopeId, kind, null, document.sha256, document.byteSize, MISSING_NOTE]);
            continue;
          }
          const name = `${folder}/${uniqueZipName(safeZipSegment(document.fileName, 'document.pdf'), files)}`;
          reading = opened.body.getReader();
          yield { name, lastModified: document.fetchedAt, input: readAll(reading) };
          reading = null;
          manifest += csvRow([envelopeId, kind, name, document.sha256, document.byteSize, null]);
        }
      }
    }
    yield { name: MANIFEST_NAME, lastModified: startedAt, input: manifest };
  } finally {
    await reading?.cancel().catch(() => undefined);
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function* readAll(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
}

/** "signed-documents-2026-11-29.zip", the day in UTC. */
export function documentsZipFileName(now: Date): string {
  return `signed-documents-${now.toISOString().slice(0, 10)}.zip`;
}
