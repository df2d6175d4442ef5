import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { followUpFinishCallback } from '@/app/lib/reconciliation/follow-up-finish-callback';
import { sweepSigningWork } from '@/app/lib/reconciliation/sweep-signing-work';
import { makeTestPdf, startFakeEsignAnyWhereServer } from '@/app/testing/fake-esignanywhere-server';
import { TEST_LIMITS } from '@/app/testing/signing-test-helpers';
import { createTestHook, getEnvelopeRow, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { createHttpDocumentProvider } from './http-document-provider';

// SIGNING_PROVIDER=http: the signed PDF at an address of the integrator's, one per envelope. The
// fake eSignAnyWhere file endpoint plays that address, its apiToken standing for DOCUMENT_AUTH_HEADER.
const fake = await startFakeEsignAnyWhereServer();
const storageDir = mkdtempSync(path.join(os.tmpdir(), 'envelope-documents-http-'));
const provider = createHttpDocumentProvider({
  urlTemplate: `${fake.baseUrl}/Api/v6/file/{envelopeId}`,
  authHeader: `apiToken: ${fake.apiToken}`,
  limits: TEST_LIMITS,
});
vi.stubEnv('DOCUMENT_STORAGE_DIR', storageDir);

afterAll(async () => {
  await fake.close();
  rmSync(storageDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

/** Tests run with SIGNING_PROVIDER=none: the finish callback completes the envelope, as with http. */
async function completedEnvelope() {
  const hook = await createTestHook();
  const envelopeId = uniqueEnvelopeId();
  await sendWebhook(hook.id, { query: { envelopeId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' } });
  expect(await getEnvelopeRow(envelopeId)).toMatchObject({ status: 'completed', reconciliation: 'not_checked' });
  const bytes = await makeTestPdf(`signed ${envelopeId}`, 3);
  fake.setEnvelope(`holder-${envelopeId}`, {
    status: 'Completed',
    documents: [{ fileId: envelopeId, fileName: 'ignored.pdf', bytes }],
  });
  return { envelopeId, bytes };
}

describe('documents from a plain http address', () => {
  it('are fetched after the finish callback, with the auth header, and named after the envelope', async () => {
    const { envelopeId, bytes } = await completedEnvelope();
    await followUpFinishCallback({ envelopeId, provider });
    const [document] = await prisma.document.findMany({ where: { envelopeId } });
    expect(document).toMatchObject({
      kind: 'signed',
      providerFileId: 'signed',
      fileName: `${envelopeId}.pdf`,
      byteSize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pageCount: 3,
    });
    expect(fake.requests.filter((request) => request.path === `/Api/v6/file/${envelopeId}`)).toEqual([
      expect.objectContaining({ apiToken: fake.apiToken }),
    ]);
    expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`)).toBe(0); // no status to ask for
  });

  it('are picked up by the sweeper when the job was never created (a restart right after the callback)', async () => {
    const { envelopeId } = await completedEnvelope();
    expect(await prisma.documentFetch.findUnique({ where: { envelopeId } })).toBeNull();
    expect(await sweepSigningWork({ provider, envelopeIds: [envelopeId] })).toEqual({
      reconciled: 0,
      fetched: 1,
      scheduled: 1,
      detailsRead: 0,
    });
    expect(await prisma.documentFetch.findUnique({ where: { envelopeId } })).toMatchObject({ status: 'stored' });
    await expect(prisma.document.count({ where: { envelopeId } })).resolves.toBe(1);
  });

  it('record a missing document as a failure to retry', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    await sendWebhook(hook.id, { query: { envelopeId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' } });
    await followUpFinishCallback({ envelopeId, provider });
    const job = await prisma.documentFetch.findUniqueOrThrow({ where: { envelopeId } });
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.lastError).toMatch(/does not know the signed document of envelope .* \(HTTP 404/);
  });
});
