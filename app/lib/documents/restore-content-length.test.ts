import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLARED_LENGTH_HEADER, restoreContentLength } from './restore-content-length';

let server: http.Server;
let origin: string;

beforeAll(async () => {
  restoreContentLength();
  // Like Next.js: headers set one by one, then the body written in chunks (so Node would send it chunked).
  server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/pdf');
    response.setHeader(DECLARED_LENGTH_HEADER, '8');
    if (request.url?.endsWith('/gzip')) response.setHeader('content-encoding', 'gzip');
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
const headersOf = async (path: string) => {
  const request = http.get(`${origin}${path}`);
  const [response] = (await once(request, 'response')) as [http.IncomingMessage];
  response.resume();
  await once(response, 'end');
  return new Headers(response.headers as Record<string, string>);
};

describe('Content-Length on document downloads', () => {
  it('is put back from the declared length, which itself is not sent', async () => {
    const headers = await headersOf('/api/envelopes/e1/documents/d1?inline=1');
    expect(headers.get('content-length')).toBe('8');
    expect(headers.get('transfer-encoding')).toBeNull();
    expect(headers.get(DECLARED_LENGTH_HEADER)).toBeNull();
  });

  it('is left alone on other paths and on compressed answers', async () => {
    expect((await headersOf('/api/webhooks/h1')).get('content-length')).toBeNull();
    expect((await headersOf('/api/envelopes/e1/documents/d1/gzip')).get('content-length')).toBeNull();
  });
});
