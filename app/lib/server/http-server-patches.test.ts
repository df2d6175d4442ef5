import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DECLARED_LENGTH_HEADER,
  installHttpServerPatches,
  PEER_ADDRESS_HEADER,
  readPeerAddress,
} from './http-server-patches';

// The patches on a bare node:http server (the e2e spec checks them under `next start`).
let server: http.Server;
let origin: string;
const seenPeerHeaders: (string | string[] | undefined)[] = [];

beforeAll(async () => {
  installHttpServerPatches();
  installHttpServerPatches(); // a second call (hot reload, another bundle) is harmless
  // Like Next.js: headers set one by one, then the body written in chunks (so Node would send it chunked).
  server = http.createServer((request, response) => {
    seenPeerHeaders.push(request.headers[PEER_ADDRESS_HEADER]);
    const path = request.url ?? '/';
    response.setHeader('content-type', 'application/pdf');
    if (!path.startsWith('/undeclared')) response.setHeader(DECLARED_LENGTH_HEADER, path === '/bad' ? '8 ' : '8');
    if (path === '/gzip') response.setHeader('content-encoding', 'gzip');
    if (path === '/explicit') {
      response.writeHead(200, { 'x-extra': '1' });
    }
    response.write('%PDF');
    response.end('-1.7');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

// node:http rather than fetch: the raw headers, and no attempt to decompress the fake gzip.
const get = async (path: string, headers: Record<string, string> = {}) => {
  const request = http.get(`${origin}${path}`, { headers });
  const [response] = (await once(request, 'response')) as [http.IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { headers: new Headers(response.headers as Record<string, string>), body: Buffer.concat(chunks) };
};

describe('the declared length', () => {
  it('becomes Content-Length, on any path, and is not sent itself', async () => {
    for (const path of ['/api/envelopes/e1/documents/d1?inline=1', '/anywhere']) {
      const { headers, body } = await get(path);
      expect(headers.get('content-length')).toBe('8');
      expect(body.length).toBe(8);
      expect(headers.get('transfer-encoding')).toBeNull();
      expect(headers.get(DECLARED_LENGTH_HEADER)).toBeNull();
    }
  });

  it('also applies when headers are written explicitly', async () => {
    const { headers } = await get('/explicit');
    expect(headers.get('content-length')).toBe('8');
    expect(headers.get('x-extra')).toBe('1');
  });

  it('leaves answers without it, compressed answers and malformed values chunked', async () => {
    for (const path of ['/undeclared', '/gzip', '/bad']) {
      const { headers } = await get(path);
      expect(headers.get('content-length'), path).toBeNull();
      expect(headers.get('transfer-encoding'), path).toBe('chunked');
      expect(headers.get(DECLARED_LENGTH_HEADER), path).toBeNull();
    }
  });
});

describe('the peer address', () => {
  it("is the socket's address on every request, never the client's own copy", async () => {
    seenPeerHeaders.length = 0;
    await get('/undeclared');
    await get('/undeclared', { [PEER_ADDRESS_HEADER]: '10.1.2.3' });
    expect(seenPeerHeaders).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('is read back from the headers, null where the patch did not run', () => {
    expect(readPeerAddress(new Headers({ [PEER_ADDRESS_HEADER]: '192.0.2.7' }))).toBe('192.0.2.7');
    expect(readPeerAddress(new Headers({ 'x-forwarded-for': '192.0.2.7' }))).toBeNull();
  });
});
