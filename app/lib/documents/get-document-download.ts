import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { getDocumentSettings, type DocumentSettings } from './document-settings';
import { openDocumentBytes } from './document-store';

export type DocumentDownload = {
  fileName: string;
  sha256: string;
  byteSize: number;
  open: () => Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
};

/** A stored document of an envelope, found by both ids (never by a path or name); null if unknown. */
export async function getDocumentDownload(options: {
  envelopeId: string;
  documentId: string;
  settings?: DocumentSettings;
}): Promise<DocumentDownload | null> {
  const document = await prisma.document.findFirst({
    where: { id: options.documentId, envelopeId: options.envelopeId },
    select: { fileName: true, sha256: true, byteSize: true, storage: true },
  });
  if (!document) return null;
  const settings = options.settings ?? getDocumentSettings();
  return {
    fileName: document.fileName,
    sha256: document.sha256,
    byteSize: document.byteSize,
    open: () => openDocumentBytes({ sha256: document.sha256, storage: document.storage, settings }),
  };
}
