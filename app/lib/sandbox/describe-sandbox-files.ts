import type { SandboxEnvelopeState } from './get-sandbox-envelope';
import { renderSandboxAuditTrail } from './render-sandbox-audit-trail';
import { renderSandboxAuditXml } from './render-sandbox-audit-xml';
import { renderSandboxContract } from './render-sandbox-contract';
import { sandboxFileId, type SandboxFileKind } from './sandbox-file-ids';

export type SandboxFile = {
  fileId: string;
  kind: SandboxFileKind;
  fileName: string;
  contentType: string;
  render: () => Promise<{ bytes: Uint8Array; pageCount: number | null }>;
};

/**
 * The files of a completed sandbox envelope: the signed contract, its audit trail as PDF and as XML.
 * Like eSignAnyWhere, the sandbox has files to hand out only once the envelope is Completed.
 */
export function describeSandboxFiles(envelope: SandboxEnvelopeState): SandboxFile[] {
  if (envelope.status !== 'Completed') return [];
  const base = fileNameBase(envelope.name);
  return [
    {
      fileId: sandboxFileId(envelope.id, 'document'),
      kind: 'document',
      fileName: `${base}.pdf`,
      contentType: 'application/pdf',
      render: () => renderSandboxContract(envelope),
    },
    {
      fileId: sandboxFileId(envelope.id, 'auditTrail'),
      kind: 'auditTrail',
      fileName: `${base} - audit trail.pdf`,
      contentType: 'application/pdf',
      render: () => renderSandboxAuditTrail(envelope),
    },
    {
      fileId: sandboxFileId(envelope.id, 'auditTrailXml'),
      kind: 'auditTrailXml',
      fileName: `${base} - audit trail.xml`,
      contentType: 'application/xml; charset=utf-8',
      render: async () => ({ bytes: new TextEncoder().encode(renderSandboxAuditXml(envelope)), pageCount: null }),
    },
  ];
}

/** A file name safe on every system: no path separators, quotes or control characters, accents kept. */
function fileNameBase(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return safe || 'document';
}
