import { describe, expect, it } from 'vitest';
import { parseSandboxFileId, sandboxFileId, type SandboxFileKind } from './sandbox-file-ids';

describe('sandbox file ids', () => {
  it('name the envelope and the kind, and read back', () => {
    const envelopeId = '7bfa100a-f52c-4915-b25d-210e6bb82f48';
    for (const kind of ['document', 'auditTrail', 'auditTrailXml'] as SandboxFileKind[]) {
      expect(parseSandboxFileId(sandboxFileId(envelopeId, kind))).toEqual({ envelopeId, kind });
    }
  });

  it('refuse ids that are not sandbox files', () => {
    expect(parseSandboxFileId('7bfa100a-f52c-4915-b25d-210e6bb82f48')).toBeNull();
    expect(parseSandboxFileId('_document-1')).toBeNull();
    expect(parseSandboxFileId('')).toBeNull();
  });
});
