import { createHash } from 'node:crypto';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { DECLARED_LENGTH_HEADER, PEER_ADDRESS_HEADER } from '../app/lib/server/http-server-patches';
import { makeTestPdf } from '../app/testing/fake-esignanywhere-server';
import { startAppWithFakeSigningServiceForBlock } from './support/app-with-fake-signing-service';

// The HTTP-server patches (app/lib/server/http-server-patches.ts) reach under Next.js into node:http. These tests run
// them under `next start` on the production build, so they fail as soon as Next.js stops calling through them.

type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** node:http rather than fetch: the headers exactly as sent, Transfer-Encoding included, and the body undecoded. */
async function raw(url: string, options: http.RequestOptions = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

test.describe('Content-Length on document downloads', () => {
  const HOOK_ID = 'http-server-patches-0123456789abcdef';
  const envelopeId = `${Date.now().toString(36)}-patches`;
  const server = startAppWithFakeSigningServiceForBlock({ hookId: HOOK_ID, label: 'patches' });

  test('a stored document arrives with a Content-Length equal to its body, not chunked', async () => {
    test.setTimeout(90_000);
    const audit = await makeTestPdf('audit');
    server.fake.setEnvelope(envelopeId, {
      status: 'Completed',
      activities: [{ email: 'ana@example.com', givenName: 'Ana', surname: 'Pop', status: 'Completed' }],
      documents: [{ fileId: `${envelopeId}-doc`, fileName: 'Contract.pdf', bytes: audit, pageCount: 1 }],
      auditTrail: { fileId: `${envelopeId}-audit`, fileName: 'audit.pdf', bytes: audit },
    });
    // The signed file is large (3 MiB), so Next.js pipes it in many writes: only a declared length avoids chunking.
    server.fake.override(`/Api/v6/file/${envelopeId}-doc`, { streamBytes: 3 * 1024 * 1024 }, Infinity);

    const notify = async (fields: Record<string, string>) => {
      const query = new URLSearchParams({ envelopeId, ...fields });
      const response = await fetch(`${server.app.baseUrl}/api/webhooks/${HOOK_ID}?${query}`);
      expect(response.status, await response.text()).toBe(200);
    };
    await notify({ action: 'workstepFinished', recipientOrder: '1', recipientEmail: 'ana@example.com' });
    await notify({ action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

    type Detail = { documents: { kind: string; byteSize: number; sha256: string; downloadUrl: string }[] };
    let documents: Detail['documents'] = [];
    await expect
      .poll(
        async () => {
          const detail = (await (await fetch(`${server.app.baseUrl}/api/envelopes/${envelopeId}`)).json()) as Detail;
          documents = detail.documents;
          return documents.map((document) => document.kind).sort();
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toEqual(['auditTrail', 'signed']);

    for (const document of documents) {
      for (const path of [document.downloadUrl, `${document.downloadUrl}?inline=1`]) {
        // As a browser asks: compression allowed (Next.js does not compress PDFs, so the length holds).
        const answer = await raw(`${server.app.baseUrl}${path}`, {
          headers: { 'accept-encoding': 'gzip, deflate, br' },
        });
        expect(answer.status, path).toBe(200);
        expect(answer.headers['content-encoding'], path).toBeUndefined();
        expect(answer.headers['transfer-encoding'], path).toBeUndefined();
        expect(answer.headers['content-length'], path).toBe(String(answer.body.length));
        expect(answer.body.length, path).toBe(document.byteSize);
        expect(createHash('sha256').update(answer.body).digest('hex'), path).toBe(document.sha256);
        expect(answer.headers[DECLARED_LENGTH_HEADER], path).toBeUndefined();
      }
      // HEAD (Next.js answers it from GET) announces the same length, without a body.
      const head = await raw(`${server.app.baseUrl}${document.downloadUrl}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String(document.byteSize));
      expect(head.body.length).toBe(0);
    }
    expect(documents.find((document) => document.kind === 'signed')?.byteSize).toBe(3 * 1024 * 1024);
  });
});

test.describe('the TCP peer address on the webhook route', () => {
  // The suite's own server (playwright.config.ts), reached over loopback: the peer is 127.0.0.1 (IPv4-mapped or not).
  const NAMES_LOOPBACK = /^Deliveries from (::ffff:)?127\.0\.0\.1 are not allowed/;

  test('per-hook allow-lists judge the socket address, and a client-sent peer header is not trusted', async ({
    request,
  }) => {
    const created = await request.post('/api/hooks', { data: { name: 'Peer address patch' } });
    expect(created.status()).toBe(201);
    const hook = (await created.json()) as { id: string };
    const deliver = (headers: Record<string, string> = {}) =>
      request.get(`/api/webhooks/${hook.id}?envelopeId=peer-patch-1&action=workstepOpened`, { headers });
    const allow = async (allowedNetworks: string) =>
      expect((await request.patch(`/api/hooks/${hook.id}`, { data: { allowedNetworks } })).status()).toBe(200);

    try {
      // Excluding loopback: refused, and the refusal names the real peer, even when the client claims an allowed one.
      await allow('10.0.0.0/8');
      const claims: Record<string, string>[] = [
        {},
        { [PEER_ADDRESS_HEADER]: '10.1.2.3', 'X-Forwarded-For': '10.1.2.3' },
      ];
      for (const forged of claims) {
        const refused = await deliver(forged);
        expect(refused.status()).toBe(403);
        const { error } = (await refused.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe('source_not_allowed');
        expect(error.message).toMatch(NAMES_LOOPBACK);
      }

      // Allowing loopback: accepted, also when the client claims to be elsewhere (its copy is replaced, not kept).
      await allow('127.0.0.0/8, ::1');
      expect((await deliver()).status()).toBe(200);
      expect((await deliver({ [PEER_ADDRESS_HEADER]: '203.0.113.9' })).status()).toBe(200);
    } finally {
      await request.delete(`/api/hooks/${hook.id}`);
    }
  });
});
