import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-ranges';
import { safeFetch, type SafeFetchOptions } from './safe-fetch';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

async function startServer(handler: Handler) {
  const server = http.createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, origin };
}

let main: Awaited<ReturnType<typeof startServer>>;
let other: Awaited<ReturnType<typeof startServer>>;
const seenByOther: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  other = await startServer((request, response) => {
    seenByOther.push(request.headers);
    response.end('other');
  });
  main = await startServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/ok') return void response.end(`token=${request.headers.apitoken}`);
    if (path === '/to-metadata')
      return void response.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
    if (path === '/to-other') return void response.writeHead(307, { location: `${other.origin}/x` }).end();
    if (path === '/to-ok') return void response.writeHead(301, { location: '/ok' }).end();
    if (path === '/loop') return void response.writeHead(302, { location: '/loop' }).end();
    if (path === '/slow') return void setTimeout(() => response.end('late'), 2_000);
    if (path === '/declared-big') return void response.writeHead(200, { 'content-length': 5000 }).end('x'.repeat(5000));
    if (path === '/chunked-big') {
      response.writeHead(200);
      response.write('x'.repeat(3000));
      return void response.end('x'.repeat(3000));
    }
    response.writeHead(404).end();
  });
});

afterAll(() => {
  main.server.closeAllConnections();
  other.server.closeAllConnections();
  main.server.close();
  other.server.close();
});

const options = (overrides: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  policy: { requireHttps: false, trustedOrigins: [main.origin] },
  timeoutMs: 1_000,
  maxBytes: 4096,
  headers: { apiToken: 'secret' },
  ...overrides,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
  );

describe('outbound requests to the signing service', () => {
  it('fetch from the configured origin, also on a loopback address, and follow its own redirects', async () => {
    const response = await safeFetch(`${main.origin}/to-ok`, options());
    expect(response).toMatchObject({ status: 200, url: `${main.origin}/ok` });
    expect(response.body.toString()).toBe('token=secret');
  });

  it('refuse a redirect to a link-local (cloud metadata) address', async () => {
    expect(await failure(safeFetch(`${main.origin}/to-metadata`, options()))).toMatchObject({
      code: 'blocked_address',
      message: expect.stringContaining('169.254.169.254'),
    });
  });

  it('refuse a redirect to another loopback service, by address or by name', async () => {
    expect(await failure(safeFetch(`${main.origin}/to-other`, options()))).toMatchObject({ code: 'blocked_address' });
    const port = new URL(other.origin).port;
    expect(await failure(safeFetch(`http://localhost:${port}/x`, options()))).toMatchObject({
      code: 'blocked_address',
    });
    expect(seenByOther).toHaveLength(0);
  });

  it('never carry credentials to another origin, even a trusted one', async () => {
    const response = await safeFetch(
      `${main.origin}/to-other`,
      options({ policy: { requireHttps: false, trustedOrigins: [main.origin, other.origin] } }),
    );
    expect(response.body.toString()).toBe('other');
    expect(seenByOther.at(-1)?.apitoken).toBeUndefined();
  });

  it('refuse private addresses that are not the configured origin, before connecting', async () => {
    for (const url of ['http://10.1.2.3/x', 'http://192.168.0.1/', 'http://[::1]:9/', 'http://[fd00::1]/']) {
      expect(await failure(safeFetch(url, options()))).toMatchObject({ code: 'blocked_address' });
    }
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('100.64.0.1')).toBe(false);
  });

  it('use https only in production, except to loopback addresses', async () => {
    const production = options({ policy: { requireHttps: true, trustedOrigins: [main.origin] } });
    expect(await failure(safeFetch('http://example.com/file', production))).toMatchObject({ code: 'insecure_url' });
    expect((await safeFetch(`${main.origin}/ok`, production)).status).toBe(200);
  });

  it('give up on slow answers, oversized bodies and redirect loops', async () => {
    expect(await failure(safeFetch(`${main.origin}/slow`, options({ timeoutMs: 200 })))).toMatchObject({
      code: 'timeout',
    });
    expect(await failure(safeFetch(`${main.origin}/declared-big`, options()))).toMatchObject({ code: 'too_large' });
    expect(await failure(safeFetch(`${main.origin}/chunked-big`, options()))).toMatchObject({ code: 'too_large' });
    expect(await failure(safeFetch(`${main.origin}/loop`, options()))).toMatchObject({ code: 'too_many_redirects' });
  });
});
