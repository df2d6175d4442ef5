import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { retryDocumentFetch } from '@/app/lib/documents/retry-document-fetch';
import { runDocumentFetch } from '@/app/lib/documents/run-document-fetch';
import { reconcileEnvelope } from '@/app/lib/reconciliation/reconcile-envelope';
import { makeTestPdf } from '@/app/testing/fake-esignanywhere-server';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';

const { fake, storageDir, provider } = await startFakeEsignAnyWhereForFile();

async function download(
  envelopeId: string,
  documentId: string,
  options: { query?: string; headers?: HeadersInit } = {},
) {
  const route = await import('./[documentId]/route');
  const request = new Request(
    `http://localhost/api/envelopes/${envelopeId}/documents/${documentId}${options.query ?? ''}`,
    {
      headers: options.headers,
    },
  );
  return route.GET(request, { params: Promise.resolve({ id: envelopeId, documentId }) });
}

async function retry(envelopeId: string) {
  const route = await import('./retry/route');
  const request = new Request(`http://localhost/api/envelopes/${envelopeId}/documents/retry`, { method: 'POST' });
  const response = await route.POST(request, { params: Promise.resolve({ id: envelopeId }) });
  return { status: response.status, body: await response.json() };
}

async function envelopeWithDocuments(fileName = 'Vertrag "Nr. 7" über.pdf') {
  const { envelopeId } = await notifyFinishedEnvelope();
  const bytes = await makeTestPdf(`signed ${envelopeId}`);
  fake.setEnvelope(envelopeId, {
    status: 'Completed',
    documents: [{ fileId: `${envelopeId}-doc`, fileName, bytes }],
  });
  await reconcileEnvelope({ envelopeId, provider });
  return { envelopeId, bytes };
}

describe('GET /api/envelopes/<id>/documents/<documentId>', () => {
  it('streams the stored PDF as an attachment with a safe name, its length and an ETag from its SHA-256', async () => {
    const { envelopeId, bytes } = await envelopeWithDocuments();
    await runDocumentFetch({ envelopeId, provider });
    const document = await prisma.document.findFirstOrThrow({ where: { envelopeId } });
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const response = await download(envelopeId, document.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      etag: `"${sha256}"`,
      'content-disposition': `attachment; filename="Vertrag _Nr. 7_ uber.pdf"; filename*=UTF-8''Vertrag%20%22Nr.%207%22%20%C3%BCber.pdf`,
      'x-content-type-options': 'nosniff',
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);

    const inline = await download(envelopeId, document.id, { query: '?inline=1' });
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename=/);

    const unchanged = await download(envelopeId, document.id, { headers: { 'If-None-Match': `"${sha256}"` } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(`"${sha256}"`);
    expect(await unchanged.text()).toBe('');
  });

  it('serves files kept in the database too', async () => {
    const { envelopeId, bytes } = await envelopeWithDocuments('Contract.pdf');
    await runDocumentFetch({ envelopeId, provider, settings: { storage: 'database', storageDir } });
    const document = await prisma.document.findFirstOrThrow({ where: { envelopeId } });
    const response = await download(envelopeId, document.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('finds documents by both ids only, and answers 404 for anything else', async () => {
    const { envelopeId } = await envelopeWithDocuments();
    await runDocumentFetch({ envelopeId, provider });
    const document = await prisma.document.findFirstOrThrow({ where: { envelopeId } });
    const other = await envelopeWithDocuments();
    for (const [envelope, documentId] of [
      [other.envelopeId, document.id],
      [envelopeId, 'unknown'],
      [envelopeId, '../../etc/passwd'],
      [envelopeId, document.sha256],
    ]) {
      const response = await download(envelope!, documentId!);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });
});

describe('POST /api/envelopes/<id>/documents/retry', () => {
  it('makes a failed fetch due now with fresh attempts', async () => {
    const { envelopeId } = await envelopeWithDocuments();
    fake.override(`/Api/v6/envelope/${envelopeId}/files`, { status: 500, body: 'down', contentType: 'text/plain' }, 3);
    await runDocumentFetch({ envelopeId, provider });
    await prisma.documentFetch.update({ where: { envelopeId }, data: { attempts: 12, nextAttemptAt: null } });

    expect(await retry(envelopeId)).toEqual({ status: 202, body: { documentStatus: 'pending' } });
    const job = await prisma.documentFetch.findUniqueOrThrow({ where: { envelopeId } });
    expect(job).toMatchObject({ status: 'pending', attempts: 0 });
    expect(job.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(job.lastError).toContain('HTTP 500'); // kept until the next attempt says otherwise

    fake.override(`/Api/v6/envelope/${envelopeId}/files`, {}, 0);
    expect(await runDocumentFetch({ envelopeId, provider })).toMatchObject({ status: 'stored' });
  });

  it('leaves a fetch that is running alone', async () => {
    const { envelopeId } = await envelopeWithDocuments();
    await prisma.documentFetch.update({
      where: { envelopeId },
      data: { status: 'fetching', leaseOwner: 'other', leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    expect(await retry(envelopeId)).toEqual({ status: 202, body: { documentStatus: 'fetching' } });
    expect(await prisma.documentFetch.findUnique({ where: { envelopeId } })).toMatchObject({ leaseOwner: 'other' });
  });

  it('refuses with what to do when there is nothing to fetch', async () => {
    const { envelopeId } = await notifyFinishedEnvelope();
    const unconfirmed = await retry(envelopeId);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({ code: 'not_completed' });
    expect(unconfirmed.body.error.message).toMatch(
      /has not confirmed that this envelope is completed.* asked again at/,
    );

    const open = await notifyFinishedEnvelope({ finish: false });
    expect((await retry(open.envelopeId)).body.error.message).toBe(
      'Signed documents exist once an envelope is completed; this one is partially signed.',
    );

    expect((await retry('no-such-envelope')).status).toBe(404);

    const completed = await envelopeWithDocuments();
    expect(await retryDocumentFetch({ envelopeId: completed.envelopeId, provider: null })).toMatchObject({
      ok: false,
      status: 409,
      code: 'documents_unavailable',
    });
  });
});
