import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackListener } from '@/app/testing/listen-on-loopback';
import type { ResolveHost } from '@/app/lib/signing/guarded-lookup';
import { postJson } from './post-webhook';

// Host names are resolved by a stand-in for DNS, so a name can point anywhere without touching the machine's resolver.

let listener: LoopbackListener;
const requests: { path: string; body: string; host: string }[] = [];

beforeAll(async () => {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', body, host: request.headers.host ?? '' });
      if (request.url === '/moved') return response.writeHead(302, { location: 'https://elsewhere.example/in' }).end();
      if (request.url === '/silent') return; // never answers
      response
        .writeHead(request.url === '/fails' ? 500 : 200)
        .end(request.url === '/long' ? 'x'.repeat(100_000) : 'ok');
    });
  });
  listener = await listenOnLoopback(server);
});
afterAll(() => listener.close());

const resolveTo =
  (...addresses: string[]): ResolveHost =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const post = (url: string, options: { resolveHost?: ResolveHost; timeoutMs?: number } = {}) =>
  postJson({ url, body: '{"type":"subscription.test"}', ...options });

describe('postJson', () => {
  it('connects to the address the host name resolves to, and keeps the start of a long answer', async () => {
    const outcome = await post(`http://crm.internal.test:${listener.port}/long`, {
      resolveHost: resolveTo('127.0.0.1'),
    });
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(outcome.responseExcerpt).toBe('x'.repeat(500));
    expect(requests.at(-1)).toEqual({
      path: '/long',
      body: '{"type":"subscription.test"}',
      host: `crm.internal.test:${listener.port}`,
    });
  });

  it('refuses a host name that resolves to a link-local address (cloud metadata), before connecting', async () => {
    const before = requests.length;
    for (const resolveHost of [resolveTo('169.254.169.254'), resolveTo('203.0.113.7', 'fe80::1')]) {
      const outcome = await post(`http://metadata.internal.test:${listener.port}/`, { resolveHost });
      expect(outcome).toMatchObject({ ok: false, statusCode: null, responseExcerpt: null });
      expect(outcome.error).toMatch(
        /^not sent: metadata\.internal\.test resolves to (169\.254\.169\.254|fe80::1), a link-local address, where events are never sent$/,
      );
    }
    expect(requests.length).toBe(before);
  });

  it('refuses a link-local or unspecified address written in the URL, in any spelling', async () => {
    for (const host of ['169.254.169.254', '[::ffff:169.254.169.254]', '0.0.0.0', '[fe80::1]']) {
      const outcome = await post(`http://${host}:${listener.port}/`);
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(
        /^not sent: .* is a (link-local|unspecified) address, where events are never sent$/,
      );
    }
  });

  it('says where a redirect pointed without following it, and what a failing answer was', async () => {
    const base = `http://127.0.0.1:${listener.port}`;
    expect(await post(`${base}/moved`)).toMatchObject({
      ok: false,
      statusCode: 302,
      error: 'HTTP 302: redirects are not followed (to https://elsewhere.example/in); give the final address',
    });
    expect(await post(`${base}/fails`)).toMatchObject({ ok: false, statusCode: 500, error: 'HTTP 500' });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const outcome = await post(`http://127.0.0.1:${listener.port}/silent`, { timeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: 'no answer within 0 s' });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('says why it could not connect', async () => {
    const outcome = await post('http://receiver.internal.test/', {
      resolveHost: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND receiver.internal.test'), { code: 'ENOTFOUND' });
      },
    });
    expect(outcome).toMatchObject({ ok: false, error: 'could not connect: ENOTFOUND' });
  });
});
