import { createHash } from 'node:crypto';
import type { DocumentSettings } from '@/app/lib/documents/document-settings';
import { runDocumentFetch } from '@/app/lib/documents/run-document-fetch';
import { reconcileEnvelope } from '@/app/lib/reconciliation/reconcile-envelope';
import type { SigningProvider } from '@/app/lib/signing/signing-provider';
import { makeTestPdf, type FakeEsignAnyWhereServer } from './fake-esignanywhere-server';

export type StoredTestFile = { kind: 'signed' | 'auditTrail'; fileName: string; bytes: Buffer; sha256: string };

/**
 * Stores signed PDFs (one per name, each with its own bytes) and an audit trail for an envelope the app has already
 * seen finish, the way the app does it: the fake signing service reports it completed with these files, then the
 * reconciliation and the document fetch run. Throws unless the files end up stored.
 */
export async function storeTestDocuments(options: {
  fake: FakeEsignAnyWhereServer;
  provider: SigningProvider;
  envelopeId: string;
  documents: string[];
  auditTrail?: boolean;
  settings?: DocumentSettings;
}): Promise<StoredTestFile[]> {
  const { envelopeId } = options;
  const file = async (kind: StoredTestFile['kind'], fileId: string, fileName: string) => {
    const bytes = await makeTestPdf(`${kind} ${fileId}`);
    return { kind, fileId, fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  const documents = await Promise.all(
    options.documents.map((fileName, index) => file('signed', `${envelopeId}-doc-${index + 1}`, fileName)),
  );
  // eSignAnyWhere sends no name for an audit trail: the app calls it audit-trail.pdf.
  const auditTrail =
    options.auditTrail === false ? null : await file('auditTrail', `${envelopeId}-audit`, 'audit-trail.pdf');
  options.fake.setEnvelope(envelopeId, { status: 'Completed', documents, auditTrail });
  await reconcileEnvelope({ envelopeId, provider: options.provider });
  const outcome = await runDocumentFetch({ envelopeId, provider: options.provider, settings: options.settings });
  if (!outcome.ran || outcome.status !== 'stored') {
    throw new Error(`the documents of ${envelopeId} were not stored: ${JSON.stringify(outcome)}`);
  }
  return [...documents, ...(auditTrail ? [auditTrail] : [])].map(({ kind, fileName, bytes, sha256 }) => ({
    kind,
    fileName,
    bytes,
    sha256,
  }));
}
