import { describeSandboxFiles } from './describe-sandbox-files';
import type { SandboxEnvelopeState } from './get-sandbox-envelope';

/**
 * GET /Api/v6/envelope/{id}/files for a completed envelope. The signed document's page count is
 * read from the document itself, so it always matches the file served.
 */
export async function presentSandboxFiles(envelope: SandboxEnvelopeState) {
  const files = describeSandboxFiles(envelope);
  const file = (kind: string) => files.find((candidate) => candidate.kind === kind)!;
  const document = file('document');
  const auditTrail = file('auditTrail');
  const { pageCount } = await document.render();
  return {
    Documents: [
      {
        FileId: document.fileId,
        FileName: document.fileName,
        PageCount: pageCount,
        DocumentNumber: 1,
        AuditTrailFileId: auditTrail.fileId,
      },
    ],
    AuditTrail: { FileId: auditTrail.fileId, XmlFileId: file('auditTrailXml').fileId },
    LegalDocuments: [],
  };
}
