import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { revokeHook } from '@/app/lib/hooks/revoke-hook';
import { sendTestNotification, TEST_RECIPIENT_EMAIL } from '@/app/lib/hooks/send-test-notification';
import { updateHook } from '@/app/lib/hooks/update-hook';
import { installHttpServerPatches } from '@/app/lib/server/http-server-patches';
import { createTestHook, deliveriesOf, getEnvelopeRow } from '@/app/testing/webhook-test-helpers';
import { POST as testHook } from './route';

// The app's public address, served by a real HTTP listener that hands /api/webhooks/* to the real route handler, as
// `next start` would: the test notification travels over a socket like any signing service's call.
let app: http.Server;
let appUrl: string;
const extraServers: http.Server[] = [];

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function forwardToWebhookRoute(incoming: http.IncomingMessage, outgoing: http.ServerResponse) {
  const route = await import('@/app/api/webhooks/[hookId]/route');
  const match = /^\/api\/webhooks\/([^/?]+)/.exec(incoming.url ?? '');
  const method = incoming.method as 'GET' | 'POST';
  if (!match || (method !== 'GET' && method !== 'POST')) {
    outgoing.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>');
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const request = new Request(new URL(incoming.url!, appUrl), {
    method,
    headers,
    body: method === 'POST' ? Buffer.concat(chunks) : undefined,
  });
  const response = await route[method](request, { params: Promise.resolve({ hookId: decodeURIComponent(match[1]!) }) });
  outgoing.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
}

async function runTest(hookId: string) {
  const response = await testHook(new Request(`http://localhost/api/hooks/${hookId}/test`, { method: 'POST' }), {
    params: Promise.resolve({ id: hookId }),
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  installHttpServerPatches(); // what instrumentation.ts does in the real server: the socket's address for allow-lists
  ({ server: app, url: appUrl } = await listen((incoming, outgoing) => void forwardToWebhookRoute(incoming, outgoing)));
  // Read once by getEnvironment(), which nothing in this file has called yet.
  process.env.PUBLIC_URL = appUrl;
});

afterAll(() => {
  for (const server of [app, ...extraServers]) {
    server.closeAllConnections();
    server.close();
  }
});

describe('POST /api/hooks/[id]/test', () => {
  it("delivers a marked test notification through the hook's public URL and reports it", async () => {
    const hook = await createTestHook('test notification');
    const { status, body } = await runTest(hook.id);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      verdict: 'delivered',
      status: 200,
      signed: false,
      envelopeStored: true,
      url: expect.stringMatching(new RegExp(`^${appUrl}/api/webhooks/${hook.id}\\?test=1&envelopeId=test-\\d+&`)),
    });
    expect(body.envelopeId).toMatch(/^test-\d+$/);
    expect(body.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(body.responseBody)).toEqual({ ok: true, envelopeId: body.envelopeId, duplicate: false });
    expect(body.message).toContain(`Delivered in ${body.durationMs} ms`);
    expect(body.message).toContain('can only be reached from this machine');

    const envelope = await getEnvelopeRow(body.envelopeId);
    expect(envelope).toMatchObject({ hookId: hook.id, status: 'opened', customValues: { test: '1' } });
    expect(envelope?.recipients.map((recipient) => recipient.email)).toEqual([TEST_RECIPIENT_EMAIL]);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({
      outcome: 'accepted',
      method: 'GET',
      sourceAddress: expect.stringMatching(/127\.0\.0\.1$/),
    });
    // The audit log: who sent the test, to which envelope, and how it went.
    const audited = await prisma.auditEntry.findFirst({
      where: { action: 'hook.test_notification', targetId: body.envelopeId },
    });
    expect(audited).toMatchObject({ targetType: 'envelope', outcome: 'success', actor: 'anonymous' });
  });

  it('signs the notification when the hook requires signatures', async () => {
    const hook = await createTestHook('signed test notification');
    await updateHook({ hookId: hook.id, changes: { signingSecret: 'generate' } });
    const { body } = await runTest(hook.id);
    expect(body).toMatchObject({ ok: true, verdict: 'delivered', signed: true });
    expect(body.message).toContain('its signature was verified');
    const [delivery] = await deliveriesOf(hook.id);
    expect(Object.keys(delivery!.headers as Record<string, string>)).toEqual(
      expect.arrayContaining(['webhook-id', 'webhook-timestamp']),
    );
  });

  it("explains a refusal by the hook's own rules", async () => {
    const hook = await createTestHook('test from outside the allowed networks');
    await updateHook({ hookId: hook.id, changes: { allowedNetworks: ['10.0.0.0/8'] } });
    const { status, body } = await runTest(hook.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, verdict: 'refused', status: 403, envelopeStored: false });
    expect(body.message).toContain('source_not_allowed');
    expect(body.message).toContain('add its address to the allowed networks');
    expect(await getEnvelopeRow(body.envelopeId)).toBeNull();
  });

  it('answers 404 in the one error shape for an unknown or revoked hook', async () => {
    const hook = await createTestHook('revoked before the test');
    await revokeHook({ hookId: hook.id });
    for (const id of [hook.id, 'no-such-hook-0000000000']) {
      const { status, body } = await runTest(id);
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: 'not_found', message: expect.stringContaining('No active hook') } });
    }
  });
});

describe('sendTestNotification verdicts', () => {
  async function otherServer(handler: http.RequestListener) {
    const { server, url } = await listen(handler);
    extraServers.push(server);
    return url;
  }

  it('says when PUBLIC_URL cannot be reached and what to set', async () => {
    const hook = await createTestHook('unreachable');
    const { server, url } = await listen(() => undefined);
    server.close(); // the port is now free: nothing listens there
    const result = await sendTestNotification({ hookId: hook.id, publicUrl: url });
    expect(result).toMatchObject({ ok: false, verdict: 'unreachable', status: null, responseBody: null });
    expect(result?.message).toContain('the connection was refused');
    expect(result?.message).toContain(`PUBLIC_URL is ${appUrl}`);
    expect(result?.message).toContain('set PUBLIC_URL to the address at which this app is reachable');
  });

  it('gives up after the timeout', async () => {
    const hook = await createTestHook('silent');
    const url = await otherServer(() => undefined); // accepts, never answers
    const result = await sendTestNotification({ hookId: hook.id, publicUrl: url, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, verdict: 'timeout' });
    expect(result?.message).toContain('within 0.3 s');
    expect(result!.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('notices another installation that accepts but does not store here', async () => {
    const hook = await createTestHook('elsewhere');
    const url = await otherServer((incoming, outgoing) => {
      const envelopeId = new URL(incoming.url!, 'http://x').searchParams.get('envelopeId');
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, envelopeId }));
    });
    const result = await sendTestNotification({ hookId: hook.id, publicUrl: url });
    expect(result).toMatchObject({ ok: false, verdict: 'not_stored', status: 200, envelopeStored: false });
    expect(result?.message).toContain('another installation');
  });

  it('reports redirects and answers that do not come from this app', async () => {
    const hook = await createTestHook('proxied');
    const redirecting = await otherServer((_incoming, outgoing) =>
      outgoing.writeHead(301, { location: 'https://envelopes.example.com/api/webhooks/x' }).end(),
    );
    const redirected = await sendTestNotification({ hookId: hook.id, publicUrl: redirecting });
    expect(redirected).toMatchObject({ ok: false, verdict: 'redirected', status: 301 });
    expect(redirected?.message).toContain(
      'set PUBLIC_URL to the address the redirect leads to (https://envelopes.example.com)',
    );

    const gateway = await otherServer((_incoming, outgoing) =>
      outgoing.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'),
    );
    const proxied = await sendTestNotification({ hookId: hook.id, publicUrl: gateway });
    expect(proxied).toMatchObject({
      ok: false,
      verdict: 'unexpected_answer',
      status: 502,
      responseBody: '<h1>Bad Gateway</h1>',
    });
    expect(proxied?.message).toContain('HTTP 502 Bad Gateway');
    expect(await prisma.envelope.count({ where: { hookId: hook.id } })).toBe(0);
  });
});
