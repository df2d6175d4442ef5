import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { envelopeDetailSchema, NOTIFICATION_PREVIEW_CHARS } from '@/app/lib/envelopes/envelope-detail-schema';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';
import { getEnvironment, type Environment } from '@/app/lib/env';
import { resolveSigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { createTestHook, fintechosBody, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { GET } from './route';

async function getEnvelope(id: string) {
  const response = await GET(new Request(`http://localhost/api/envelopes/${id}`), { params: Promise.resolve({ id }) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** A finished envelope with one signer, made through the real webhook route. */
async function finishedEnvelope() {
  const hook = await createTestHook();
  const id = uniqueEnvelopeId();
  const recipient = 'recipientOrder=1&recipientEmail=ana@example.com';
  await sendWebhook(hook.id, { query: `envelopeId=${id}&action=sendSignNotification&${recipient}&contract=K-1` });
  await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepFinished&${recipient}&contract=K-1` });
  await sendWebhook(hook.id, {
    body: fintechosBody({ envelopeId: id, action: 'envelopeFinished', FTOSIsFinishCallback: '1', contract: 'K-1' }),
    contentType: 'application/json',
  });
  return id;
}

function documentRow(envelopeId: string, kind: 'signed' | 'auditTrail', fileName: string, fetchedAt: string) {
  return {
    envelopeId,
    kind,
    providerFileId: `${kind}-${fileName}`,
    fileName,
    byteSize: 1234,
    sha256: 'a'.repeat(64),
    pageCount: kind === 'signed' ? 3 : null,
    storage: 'database',
    fetchedAt: new Date(fetchedAt),
  };
}

describe('GET /api/envelopes/<id>: documents, fetch status and reconciliation', () => {
  it('lists stored documents, signed ones first, with download and view URLs', async () => {
    const id = await finishedEnvelope();
    // Created out of order on purpose: the answer sorts signed documents before the audit trail.
    await prisma.document.create({ data: documentRow(id, 'auditTrail', 'audit.pdf', '2025-03-01T10:00:00Z') });
    await prisma.document.create({ data: documentRow(id, 'signed', 'contract-b.pdf', '2025-03-01T10:00:02Z') });
    await prisma.document.create({ data: documentRow(id, 'signed', 'contract-a.pdf', '2025-03-01T10:00:01Z') });
    await prisma.documentFetch.create({
      data: { envelopeId: id, status: 'stored', attempts: 1, lastAttemptAt: new Date('2025-03-01T10:00:00Z') },
    });

    const { status, headers, body } = await getEnvelope(id);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(envelopeDetailSchema.safeParse(body).success).toBe(true);
    expect(
      body.documents.map((document: { kind: string; fileName: string }) => [document.kind, document.fileName]),
    ).toEqual([
      ['signed', 'contract-a.pdf'],
      ['signed', 'contract-b.pdf'],
      ['auditTrail', 'audit.pdf'],
    ]);
    const [first] = body.documents;
    expect(first).toEqual({
      id: expect.any(String),
      kind: 'signed',
      fileName: 'contract-a.pdf',
      byteSize: 1234,
      sha256: 'a'.repeat(64),
      pageCount: 3,
      fetchedAt: '2025-03-01T10:00:01.000Z',
      downloadUrl: `/api/envelopes/${id}/documents/${first.id}`,
      viewUrl: `/api/envelopes/${id}/documents/${first.id}?inline=1`,
    });
    expect(body.documentStatus).toEqual({
      status: 'stored',
      attempts: 1,
      lastError: null,
      lastAttemptAt: '2025-03-01T10:00:00.000Z',
      nextAttemptAt: null,
      // Integration tests run with SIGNING_PROVIDER=none (see integration-setup.ts).
      unavailableReason: expect.stringContaining('SIGNING_PROVIDER is none'),
    });
  });

  it('reports a failed fetch with its reason, attempts and next attempt', async () => {
    const id = await finishedEnvelope();
    await prisma.documentFetch.create({
      data: {
        envelopeId: id,
        status: 'failed',
        attempts: 3,
        lastError: 'The signing service answered 503.',
        lastAttemptAt: new Date('2025-03-01T10:05:00Z'),
        nextAttemptAt: new Date('2025-03-01T10:35:00Z'),
      },
    });
    const { body } = await getEnvelope(id);
    expect(body.documents).toEqual([]);
    expect(body.documentStatus).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'The signing service answered 503.',
      lastAttemptAt: '2025-03-01T10:05:00.000Z',
      nextAttemptAt: '2025-03-01T10:35:00.000Z',
    });
  });

  it('says "none" without a fetch row, and why nothing can be fetched with the configuration at hand', async () => {
    const id = await finishedEnvelope();
    expect((await getEnvelope(id)).body.documentStatus).toMatchObject({ status: 'none', attempts: 0 });

    const detailWith = async (changes: Partial<Environment>) => {
      const signingProvider = resolveSigningProviderConfig({ ...getEnvironment(), ...changes });
      const detail = await getEnvelopeById({ id, signingProvider });
      return {
        unavailableReason: detail?.documentStatus.unavailableReason,
        confirms: detail?.reconciliation.providerConfirmsStatus,
      };
    };
    expect(await detailWith({ SIGNING_PROVIDER: 'sandbox' })).toEqual({ unavailableReason: null, confirms: true });
    expect(await detailWith({ SIGNING_PROVIDER: 'none' })).toEqual({
      unavailableReason: expect.stringMatching(/^SIGNING_PROVIDER is none: documents are not fetched/),
      confirms: false,
    });
    expect(
      await detailWith({ SIGNING_PROVIDER: 'esignanywhere', ESAW_API_TOKEN: 'token', ESAW_BASE_URL: undefined }),
    ).toEqual({ unavailableReason: expect.stringContaining('ESAW_BASE_URL is not set'), confirms: false });
    // A document address fetches files but cannot confirm a status.
    expect(
      await detailWith({
        SIGNING_PROVIDER: 'http',
        DOCUMENT_URL_TEMPLATE: 'https://files.example.com/{envelopeId}.pdf',
      }),
    ).toEqual({ unavailableReason: null, confirms: false });
  });

  it('shows reconciliation, recipient names, event sources and the raw notification behind each event', async () => {
    const id = await finishedEnvelope();
    await prisma.envelope.update({
      where: { id },
      data: {
        reconciliation: 'failed',
        providerStatus: 'Active',
        reconciledAt: new Date('2025-03-01T11:00:00Z'),
        reconciliationError: 'The signing service did not answer within 30 s.',
        nextReconcileAt: new Date('2025-03-01T11:10:00Z'),
        finishCallbackAt: new Date('2025-03-01T10:59:00Z'),
      },
    });
    await prisma.recipient.updateMany({ where: { envelopeId: id }, data: { name: 'Ana Pop' } });
    await prisma.event.create({
      data: {
        envelopeId: id,
        action: 'envelopeCanceled',
        occurredAt: new Date(Date.now() + 60_000),
        source: 'reconciliation',
        customValues: {},
        dedupeKey: 'envelopeCanceled|-',
      },
    });

    const { body } = await getEnvelope(id);
    expect(envelopeDetailSchema.safeParse(body).success).toBe(true);
    expect(body.reconciliation).toEqual({
      state: 'failed',
      providerStatus: 'Active',
      reconciledAt: '2025-03-01T11:00:00.000Z',
      error: 'The signing service did not answer within 30 s.',
      nextAttemptAt: '2025-03-01T11:10:00.000Z',
      finishCallbackAt: '2025-03-01T10:59:00.000Z',
      providerConfirmsStatus: false,
      claimedStatus: null,
      claimedAt: null,
    });
    expect(body.recipients).toEqual([expect.objectContaining({ order: 1, email: 'ana@example.com', name: 'Ana Pop' })]);

    const events = body.events as {
      action: string;
      source: string;
      notification: { method: string; query: string; body: string | null; truncated: boolean } | null;
    }[];
    expect(events.map((event) => [event.action, event.source])).toEqual([
      ['sendSignNotification', 'notification'],
      ['workstepFinished', 'notification'],
      ['envelopeFinished', 'notification'],
      ['envelopeCanceled', 'reconciliation'],
    ]);
    expect(events[0]?.notification).toMatchObject({ method: 'GET', body: null, truncated: false });
    expect(events[0]?.notification?.query).toContain('action=sendSignNotification');
    expect(events[2]?.notification).toMatchObject({ method: 'POST', query: '', truncated: false });
    expect(JSON.parse(events[2]?.notification?.body ?? '{}').Data).toMatchObject({ action: 'envelopeFinished' });
    expect(events[3]?.notification).toBeNull();
  });

  it('cuts a very long raw notification and says so', async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    // Custom values are capped well below the preview size, so several of them make the long request.
    const notes = Array.from({ length: 5 }, (_, index) => `note${index}=${'x'.repeat(1900)}`).join('&');
    await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepOpened&recipientOrder=1&${notes}` });
    const { body } = await getEnvelope(id);
    expect(body.events[0].notification.truncated).toBe(true);
    expect(body.events[0].notification.query).toHaveLength(NOTIFICATION_PREVIEW_CHARS);
  });
});

describe('GET /api/envelopes/<id>/events: the timeline a page at a time', () => {
  async function getEvents(id: string, query = '') {
    const { GET: getPage } = await import('./events/route');
    const { NextRequest } = await import('next/server');
    const request = new NextRequest(`http://localhost/api/envelopes/${id}/events${query}`);
    const response = await getPage(request, { params: Promise.resolve({ id }) });
    return { status: response.status, body: await response.json() };
  }

  it('pages from the newest 50 back to the first event, each once, and refuses a cursor it did not make', async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    for (let index = 0; index < 60; index++) {
      await sendWebhook(hook.id, { query: { envelopeId: id, action: `step${String(index).padStart(2, '0')}` } });
    }
    const { body: envelope } = await getEnvelope(id);
    expect(envelope.eventCount).toBe(60);
    expect(envelope.events.map((event: { action: string }) => event.action)).toEqual(
      Array.from({ length: 50 }, (_, index) => `step${String(index + 10).padStart(2, '0')}`),
    );
    const older = await getEvents(id, `?before=${encodeURIComponent(envelope.olderEventsCursor)}`);
    expect(older.status).toBe(200);
    expect(older.body.items.map((event: { action: string }) => event.action)).toEqual(
      Array.from({ length: 10 }, (_, index) => `step0${index}`),
    );
    expect(older.body.olderCursor).toBeNull();

    const forged = Buffer.from(JSON.stringify({ t: new Date().toISOString(), id: 'not-an-event' })).toString(
      'base64url',
    );
    for (const cursor of [forged, 'garbage']) {
      const refused = await getEvents(id, `?before=${cursor}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_query');
    }
    expect((await getEvents(uniqueEnvelopeId())).status).toBe(404);
  });
});
