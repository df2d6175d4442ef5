import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { reconcileEnvelope } from '@/app/lib/reconciliation/reconcile-envelope';
import { sweepSigningWork } from '@/app/lib/reconciliation/sweep-signing-work';
import { makeTestPdf, type FakeEnvelope } from '@/app/testing/fake-esignanywhere-server';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import type { DocumentSettings } from './document-settings';
import { documentFilePath } from './document-store';
import { runDocumentFetch } from './run-document-fetch';

const { fake, storageDir, provider } = await startFakeEsignAnyWhereForFile();
const filesystem: DocumentSettings = { storage: 'filesystem', storageDir };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A completed envelope whose signed contract (2 pages) and audit trail the fake service serves. */
async function completedEnvelope(name = 'contract') {
  const { envelopeId } = await notifyFinishedEnvelope();
  const contract = await makeTestPdf(`${name} ${envelopeId}`, 2);
  const auditTrail = await makeTestPdf(`audit ${envelopeId}`, 1);
  const files = {
    contract: { fileId: `${envelopeId}-doc`, fileName: 'Contract.pdf', bytes: contract, pageCount: 2 },
    auditTrail: { fileId: `${envelopeId}-audit`, fileName: 'audit.pdf', bytes: auditTrail },
  };
  const envelope: FakeEnvelope = { status: 'Completed', documents: [files.contract], auditTrail: files.auditTrail };
  fake.setEnvelope(envelopeId, envelope);
  const confirmed = await reconcileEnvelope({ envelopeId, provider });
  expect(confirmed).toMatchObject({ ran: true, reconciliation: 'confirmed', fetchDocuments: true });
  const filePath = (file: { fileId: string }) => `/Api/v6/file/${file.fileId}`;
  return { envelopeId, files, filePath };
}

const jobOf = (envelopeId: string) => prisma.documentFetch.findUniqueOrThrow({ where: { envelopeId } });
const documentsOf = (envelopeId: string) =>
  prisma.document.findMany({ where: { envelopeId }, orderBy: { fetchedAt: 'asc' } });
const later = (seconds: number) => () => new Date(Date.now() + seconds * 1000);

describe('fetching the documents of a completed envelope', () => {
  it('stores every signed document and the audit trail with their bytes, SHA-256 and page count, once', async () => {
    const { envelopeId, files, filePath } = await completedEnvelope();
    expect(await jobOf(envelopeId)).toMatchObject({ status: 'pending', attempts: 0 });

    expect(await runDocumentFetch({ envelopeId, provider, settings: filesystem })).toEqual({
      ran: true,
      status: 'stored',
      storedFiles: 2,
    });
    const documents = await documentsOf(envelopeId);
    expect(
      documents.map(({ kind, fileName, byteSize, sha256, pageCount, storage }) => ({
        kind,
        fileName,
        byteSize,
        sha256,
        pageCount,
        storage,
      })),
    ).toEqual([
      {
        kind: 'signed',
        fileName: 'Contract.pdf',
        byteSize: files.contract.bytes.length,
        sha256: sha256(files.contract.bytes),
        pageCount: 2,
        storage: 'filesystem',
      },
      {
        kind: 'auditTrail',
        fileName: 'audit-trail.pdf',
        byteSize: files.auditTrail.bytes.length,
        sha256: sha256(files.auditTrail.bytes),
        pageCount: 1, // counted from the file: the service gives no page count for it
        storage: 'filesystem',
      },
    ]);
    expect(readFileSync(documentFilePath(storageDir, sha256(files.contract.bytes)))).toEqual(files.contract.bytes);
    expect(await jobOf(envelopeId)).toMatchObject({ status: 'stored', attempts: 1, lastError: null, leaseOwner: null });

    // Nothing is due any more, and nothing is fetched again.
    expect(await runDocumentFetch({ envelopeId, provider, settings: filesystem, now: later(3600) })).toEqual({
      ran: false,
    });
    expect(fake.countRequests(filePath(files.contract))).toBe(1);
    expect(fake.countRequests(filePath(files.auditTrail))).toBe(1);
  });

  it('stores the bytes in the database with DOCUMENT_STORAGE=database', async () => {
    const { envelopeId, files } = await completedEnvelope();
    await runDocumentFetch({ envelopeId, provider, settings: { storage: 'database', storageDir } });
    const [contract] = await documentsOf(envelopeId);
    expect(contract?.storage).toBe('database');
    const content = await prisma.documentContent.findUniqueOrThrow({ where: { sha256: contract!.sha256 } });
    expect(Buffer.from(content.bytes)).toEqual(files.contract.bytes);
  });

  const failures: [string, (paths: { contract: string; list: string }) => void, RegExp][] = [
    [
      'a refused API token (401)',
      ({ list }) => fake.override(list, { status: 401, body: { Message: 'Invalid token', ErrorId: 'ERR0003' } }),
      /refused the request .* \(HTTP 401: ERR0003 Invalid token\)\. Check ESAW_API_TOKEN/,
    ],
    [
      'a server error (500)',
      ({ contract }) => fake.override(contract, { status: 500, body: { Message: 'Boom' } }),
      /failed answering .* \(HTTP 500: Boom\)/,
    ],
    [
      'a slow answer',
      ({ contract }) => fake.override(contract, { delayMs: 1_500, status: 200, body: '%PDF-late' }),
      /did not answer within 1 seconds/,
    ],
    [
      'a body that is not a PDF',
      ({ contract }) => fake.override(contract, { status: 200, body: '<html>Login</html>', contentType: 'text/html' }),
      /Contract\.pdf .* is not a PDF \(the answer does not start with %PDF-; 18 bytes, text\/html\)/,
    ],
    [
      'an oversized body',
      ({ contract }) => fake.override(contract, { streamBytes: 1024 * 1024 }),
      /larger than 256 KB \(DOCUMENT_MAX_BYTES\)/,
    ],
    [
      'an oversized body without a declared length',
      ({ contract }) => fake.override(contract, { streamBytes: 1024 * 1024, body: 'chunked' }),
      /larger than 256 KB \(DOCUMENT_MAX_BYTES\)/,
    ],
    [
      'a redirect to a private address',
      ({ contract }) => fake.override(contract, { redirectTo: 'http://10.20.30.40/file' }),
      /resolves to 10\.20\.30\.40, a private, loopback or link-local address/,
    ],
  ];

  for (const [name, arrange, reason] of failures) {
    it(`records ${name} with a readable reason and a retry in 30 seconds, then succeeds without fetching twice`, async () => {
      const { envelopeId, files, filePath } = await completedEnvelope();
      arrange({ contract: filePath(files.contract), list: `/Api/v6/envelope/${envelopeId}/files` });
      const before = Date.now();
      const outcome = await runDocumentFetch({ envelopeId, provider, settings: filesystem });
      expect(outcome).toMatchObject({ ran: true, status: 'failed' });

      const job = await jobOf(envelopeId);
      expect(job).toMatchObject({ status: 'failed', attempts: 1, leaseOwner: null });
      expect(job.lastError).toMatch(reason);
      expect(job.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 30_000);
      expect(job.nextAttemptAt!.getTime()).toBeLessThan(Date.now() + 31_000);
      expect(await documentsOf(envelopeId)).toHaveLength(0);

      // Not before its time; then the retry stores everything.
      expect(await runDocumentFetch({ envelopeId, provider, settings: filesystem, now: later(10) })).toEqual({
        ran: false,
      });
      expect(await runDocumentFetch({ envelopeId, provider, settings: filesystem, now: later(31) })).toMatchObject({
        status: 'stored',
      });
      const documents = await documentsOf(envelopeId);
      expect(documents.map((document) => document.sha256).sort()).toEqual(
        [sha256(files.contract.bytes), sha256(files.auditTrail.bytes)].sort(),
      );
      expect(await jobOf(envelopeId)).toMatchObject({ status: 'stored', attempts: 2, lastError: null });
    });
  }

  it('keeps the files stored before a failure and fetches only the rest on the retry', async () => {
    const { envelopeId, files, filePath } = await completedEnvelope();
    fake.override(filePath(files.auditTrail), { status: 503, body: 'busy', contentType: 'text/plain' });
    await runDocumentFetch({ envelopeId, provider, settings: filesystem });
    expect((await documentsOf(envelopeId)).map((document) => document.kind)).toEqual(['signed']);
    await runDocumentFetch({ envelopeId, provider, settings: filesystem, now: later(31) });
    expect((await documentsOf(envelopeId)).map((document) => document.kind)).toEqual(['signed', 'auditTrail']);
    expect(fake.countRequests(filePath(files.contract))).toBe(1);
    expect(fake.countRequests(filePath(files.auditTrail))).toBe(2);
  });

  it('gives up after 12 attempts and says what to do', async () => {
    const { envelopeId, files, filePath } = await completedEnvelope();
    await prisma.documentFetch.update({ where: { envelopeId }, data: { attempts: 11 } });
    fake.override(filePath(files.contract), { status: 500, body: 'down', contentType: 'text/plain' });
    const outcome = await runDocumentFetch({ envelopeId, provider, settings: filesystem });
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: null });
    const job = await jobOf(envelopeId);
    expect(job).toMatchObject({ status: 'failed', attempts: 12, nextAttemptAt: null });
    expect(job.lastError).toContain('Gave up after 12 attempts: fix the cause, then use "Retry now".');
  });

  it('lets one of several simultaneous runs fetch, and the others stand back', async () => {
    const { envelopeId, files, filePath } = await completedEnvelope();
    fake.override(filePath(files.contract), { delayMs: 200, status: 200, body: files.contract.bytes });
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => runDocumentFetch({ envelopeId, provider, settings: filesystem })),
    );
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(await documentsOf(envelopeId)).toHaveLength(2);
    expect(fake.countRequests(filePath(files.contract))).toBe(1);
  });

  it('takes over a job left mid-fetch by an instance that stopped, once its lease has run out', async () => {
    const { envelopeId, files, filePath } = await completedEnvelope();
    const stuck = { status: 'fetching', leaseOwner: 'gone:1', attempts: 1 } as const;
    await prisma.documentFetch.update({
      where: { envelopeId },
      data: { ...stuck, leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    expect(await runDocumentFetch({ envelopeId, provider, settings: filesystem })).toEqual({ ran: false });
    await prisma.documentFetch.update({ where: { envelopeId }, data: { leaseExpiresAt: new Date(Date.now() - 1) } });

    expect(await sweepSigningWork({ provider, envelopeIds: [envelopeId] })).toMatchObject({ fetched: 1 });
    expect(await jobOf(envelopeId)).toMatchObject({ status: 'stored', attempts: 2 });
    expect(fake.countRequests(filePath(files.contract))).toBe(1);
  });
});
