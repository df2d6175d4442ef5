import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { MAX_FETCH_ATTEMPTS } from '@/app/lib/documents/fetch-backoff';
import { runDocumentFetch } from '@/app/lib/documents/run-document-fetch';
import { reconcileEnvelope } from '@/app/lib/reconciliation/reconcile-envelope';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { makeTestPdf } from '@/app/testing/fake-esignanywhere-server';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';
import { listFeedEvents } from './list-feed-events';

// What the signing service adds to the feed: a confirmed ending, its contradiction, the documents it hands over.

const { fake, provider, storageDir } = await startFakeEsignAnyWhereForFile();
const activities = [
  { email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu', status: 'Completed' },
  { email: 'bo@example.com', givenName: 'Bo', surname: 'Berg', status: 'Completed' },
];

const eventsOf = async (envelopeId: string) => (await listFeedEvents({ envelope: envelopeId, limit: 500 })).items;
const typesOf = async (envelopeId: string) => (await eventsOf(envelopeId)).map((event) => event.type);

describe('the change feed and the signing service', () => {
  it('says completed only once the service confirms it, then lists the stored documents with their SHA-256', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    // The finish callback is a claim: no ending yet.
    expect(await typesOf(envelopeId)).not.toContain('envelope.completed');

    const contract = await makeTestPdf(`contract ${envelopeId}`, 2);
    fake.setEnvelope(envelopeId, {
      status: 'Completed',
      activities,
      documents: [{ fileId: `${envelopeId}-doc`, fileName: 'Contract.pdf', bytes: contract }],
    });
    await reconcileEnvelope({ envelopeId, provider });
    const completed = (await eventsOf(envelopeId)).filter((event) => event.type === 'envelope.completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]!.data).toMatchObject({
      status: 'completed',
      previousStatus: 'partially_signed',
      confirmed: true,
    });

    await runDocumentFetch({ envelopeId, provider, settings: { storage: 'filesystem', storageDir } });
    const stored = (await eventsOf(envelopeId)).filter((event) => event.type === 'documents.stored');
    expect(stored).toHaveLength(1);
    const document = await prisma.document.findFirstOrThrow({ where: { envelopeId } });
    expect(stored[0]!.data.documents).toEqual([
      {
        id: document.id,
        kind: 'signed',
        fileName: 'Contract.pdf',
        sha256: createHash('sha256').update(contract).digest('hex'),
        size: contract.length,
        downloadUrl: expect.stringMatching(new RegExp(`/api/envelopes/${envelopeId}/documents/${document.id}$`)),
      },
    ]);
    expect(stored[0]!.data).toMatchObject({ status: 'completed', confirmed: true });
  });

  it('reports a mismatch when the service contradicts a finish callback', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    fake.setEnvelope(envelopeId, { status: 'Active', activities });
    await reconcileEnvelope({ envelopeId, provider });
    const mismatch = (await eventsOf(envelopeId)).filter((event) => event.type === 'reconciliation.mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.data).toMatchObject({ status: 'partially_signed', providerStatus: 'Active', confirmed: true });
    expect(await typesOf(envelopeId)).not.toContain('envelope.completed');
  });

  it('says documents.failed when the fetch gives up, not on each failed attempt', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    // Completed, but the service lists no files.
    fake.setEnvelope(envelopeId, { status: 'Completed', activities });
    await reconcileEnvelope({ envelopeId, provider });
    const settings = { storage: 'filesystem' as const, storageDir };
    expect(await runDocumentFetch({ envelopeId, provider, settings })).toMatchObject({ status: 'failed' });
    expect(await typesOf(envelopeId)).not.toContain('documents.failed');

    await prisma.documentFetch.update({
      where: { envelopeId },
      data: { attempts: MAX_FETCH_ATTEMPTS - 1, nextAttemptAt: new Date(0) },
    });
    expect(await runDocumentFetch({ envelopeId, provider, settings })).toMatchObject({
      status: 'failed',
      nextAttemptAt: null,
    });
    const failed = (await eventsOf(envelopeId)).filter((event) => event.type === 'documents.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data.error).toMatch(/Gave up/);
  });
});
