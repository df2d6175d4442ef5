// A sandbox file id names its envelope and its kind, so the file endpoint needs no table of files:
// the bytes are rendered again from the envelope's state, identically, whenever they are asked for.

export type SandboxFileKind = 'document' | 'auditTrail' | 'auditTrailXml';

const SUFFIXES: Record<SandboxFileKind, string> = {
  document: '_document-1',
  auditTrail: '_audit-trail',
  auditTrailXml: '_audit-trail-xml',
};

// Longest first, so "_audit-trail-xml" is not read as "_audit-trail".
const BY_LENGTH = (Object.entries(SUFFIXES) as [SandboxFileKind, string][]).sort((a, b) => b[1].length - a[1].length);

export function sandboxFileId(envelopeId: string, kind: SandboxFileKind): string {
  return `${envelopeId}${SUFFIXES[kind]}`;
}

export function parseSandboxFileId(fileId: string): { envelopeId: string; kind: SandboxFileKind } | null {
  for (const [kind, suffix] of BY_LENGTH) {
    if (fileId.endsWith(suffix) && fileId.length > suffix.length) {
      return { envelopeId: fileId.slice(0, -suffix.length), kind };
    }
  }
  return null;
}
