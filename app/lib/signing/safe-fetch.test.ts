import dns from 'node:dns';
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
    if (path.startsWith('/redirect?')) {
      const location = new URL(path, main.origin).searchParams.get('to') ?? '/';
      return void response.writeHead(302, { location }).end();
    }
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

// A signing service that looks public, under production rules: the test's DNS sends its name to the
// fake server on loopback, and https is spoken there as plain http (a fake has no certificate).
const PUBLIC_LOOKING = 'signing.example.test';
const fakeDns: Record<string, string[]> = {
  [PUBLIC_LOOKING]: ['127.0.0.1'],
  'loopback.example.test': ['::ffff:127.0.0.1', '127.0.0.1'],
  // What systemd-resolved answers for any *.localhost name.
  'app.localhost': ['127.0.0.1'],
};
const realLookup = dns.lookup;

function pretendPublicSigningService() {
  vi.spyOn(dns, 'lookup').mockImplementation(((
    hostname: string,
    lookupOptions: dns.LookupAllOptions,
    callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
  ) => {
    const addresses = fakeDns[hostname];
    if (!addresses) return realLookup(hostname, lookupOptions, callback);
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  }) as unknown as typeof dns.lookup);
  vi.spyOn(https, 'request').mockImplementation(((url: URL, requestOptions: http.RequestOptions) => {
    const plain = new URL(url);
    plain.protocol = 'http:';
    return http.request(plain, requestOptions);
  }) as unknown as typeof https.request);
  const base = `https://${PUBLIC_LOOKING}:${new URL(main.origin).port}`;
  return { base, production: options({ policy: { requireHttps: true, trustedOrigins: [base] } }) };
}

describe('loopback under production rules', () => {
  let service: ReturnType<typeof pretendPublicSigningService>;
  beforeEach(() => {
    service = pretendPublicSigningService();
  });
  afterEach(() => void vi.restoreAllMocks());

  const otherPort = () => new URL(other.origin).port;
  // Spellings of this machine; the URL parser makes 127.0.0.1 of the short, decimal and hex forms.
  const thisMachine = [
    { host: '127.0.0.1', kind: 'loopback', why: /resolves to 127\.0\.0\.1, .* \(loopback\)/ },
    { host: '127.1', kind: 'loopback, short form', why: /resolves to 127\.0\.0\.1, .* \(loopback\)/ },
    { host: '2130706433', kind: 'loopback, decimal', why: /resolves to 127\.0\.0\.1, .* \(loopback\)/ },
    { host: '0x7f.1', kind: 'loopback, hexadecimal', why: /resolves to 127\.0\.0\.1, .* \(loopback\)/ },
    { host: '127.9.9.9', kind: 'loopback, elsewhere in 127/8', why: /resolves to 127\.9\.9\.9, .* \(loopback\)/ },
    { host: '[::1]', kind: 'IPv6 loopback', why: /resolves to ::1, .* \(loopback\)/ },
    { host: '[::ffff:127.0.0.1]', kind: 'IPv4-mapped IPv6', why: /resolves to ::ffff:7f00:1, .* \(loopback\)/ },
    { host: 'localhost', kind: 'loopback name', why: /localhost:\d+ names this machine \(loopback\)/ },
    { host: '0.0.0.0', kind: 'unspecified', why: /resolves to 0\.0\.0\.0, the unspecified address/ },
    { host: '[::]', kind: 'IPv6 unspecified', why: /resolves to ::, the unspecified address/ },
  ];

  for (const { host, kind, why } of thisMachine) {
    it(`refuse http://${host} (${kind}), as a redirect from the signing service and as the first address`, async () => {
      const { base, production } = service;
      // The service itself answers, and follows its own redirects: only the target is refused.
      expect((await safeFetch(`${base}/redirect?to=/ok`, production)).body.toString()).toBe('token=secret');
      const requestsBefore = seenByOther.length;
      const target = `http://${host}:${otherPort()}/x`;
      const refusal = { code: 'blocked_address', message: expect.stringMatching(why) };
      const redirect = `${base}/redirect?to=${encodeURIComponent(target)}`;
      expect(await failure(safeFetch(redirect, production))).toMatchObject(refusal);
      expect(await failure(safeFetch(target, production))).toMatchObject(refusal);
      expect(seenByOther).toHaveLength(requestsBefore);
    });
  }

  it('refuse *.localhost by name before any lookup, and other names once they resolve to loopback', async () => {
    const { base, production } = service;
    const requestsBefore = seenByOther.length;
    const names = [`http://app.localhost:${otherPort()}/x`, `https://localhost.:${otherPort()}/x`];
    for (const target of names) {
      expect(await failure(safeFetch(`${base}/redirect?to=${encodeURIComponent(target)}`, production))).toMatchObject({
        code: 'blocked_address',
        message: expect.stringContaining('names this machine (loopback)'),
      });
    }
    const resolvesToLoopback = `https://loopback.example.test:${otherPort()}/x`;
    expect(
      await failure(safeFetch(`${base}/redirect?to=${encodeURIComponent(resolvesToLoopback)}`, production)),
    ).toMatchObject({
      code: 'blocked_address',
      message: expect.stringMatching(/resolves to (::ffff:)?127\.0\.0\.1, .* \(loopback\)/),
    });
    expect(seenByOther).toHaveLength(requestsBefore);
  });
});

describe('a signing service configured on loopback', () => {
  it('may, in production, redirect over http to its own origin or another configured one, and to no other loopback service', async () => {
    const production = options({ policy: { requireHttps: true, trustedOrigins: [main.origin] } });
    expect((await safeFetch(`${main.origin}/to-ok`, production)).body.toString()).toBe('token=secret');
    const requestsBefore = seenByOther.length;
    expect(await failure(safeFetch(`${main.origin}/to-other`, production))).toMatchObject({
      code: 'blocked_address',
      message: expect.stringMatching(/resolves to 127\.0\.0\.1, .* \(loopback\)/),
    });
    expect(seenByOther).toHaveLength(requestsBefore);
    const bothConfigured = options({ policy: { requireHttps: true, trustedOrigins: [main.origin, other.origin] } });
    expect((await safeFetch(`${main.origin}/to-other`, bothConfigured)).body.toString()).toBe('other');
  });

  it('is never reached through the unspecified address, even when that is what was configured', async () => {
    const port = new URL(main.origin).port;
    for (const origin of [`http://0.0.0.0:${port}`, `http://[::]:${port}`]) {
      const configured = options({ policy: { requireHttps: false, trustedOrigins: [origin] } });
      expect(await failure(safeFetch(`${origin}/ok`, configured))).toMatchObject({
        code: 'blocked_address',
        message: expect.stringContaining('the unspecified address'),
      });
    }
  });
});
