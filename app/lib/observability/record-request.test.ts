import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The request log and metrics as the HTTP-server patch writes them, on a bare node:http server; the log goes to
// memory instead of standard output.
const lines = vi.hoisted(() => [] as string[]);
vi.mock('./logger', () => ({
  getLogger: () =>
    pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    ),
}));

const { installHttpServerPatches } = await import('@/app/lib/server/http-server-patches');
const { getMetrics } = await import('./metrics-registry');

let server: http.Server;
let origin: string;
const seenIds: (string | string[] | undefined)[] = [];

beforeAll(async () => {
  installHttpServerPatches();
  server = http.createServer((request, response) => {
    seenIds.push(request.headers['x-request-id']);
    response.writeHead(request.url?.startsWith('/api/webhooks/') ? 200 : 404).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** The log lines written for requests, parsed (each must be JSON). */
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const waitForLines = async (count: number) => {
  for (let tries = 0; tries < 100 && lines.length < count; tries++) await new Promise((r) => setTimeout(r, 10));
};

describe('the request log and request metrics', () => {
  it("keeps the caller's X-Request-Id, hands it to the route and the answer, and logs one JSON line with it", async () => {
    const response = await fetch(`${origin}/api/webhooks/hook-secret-0123456789?envelopeId=e1`, {
      headers: { 'x-request-id': 'lb-7f3a.42', 'user-agent': 'eSignAnyWhere' },
    });
    expect(response.headers.get('x-request-id')).toBe('lb-7f3a.42');
    expect(seenIds.at(-1)).toBe('lb-7f3a.42');
    await waitForLines(1);
    const line = logged().find((entry) => entry.requestId === 'lb-7f3a.42');
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/webhooks/[hookId]',
      status: 200,
      userAgent: 'eSignAnyWhere',
    });
    expect(line!.durationMs).toEqual(expect.any(Number));
    // The hook id is the secret part of its URL, and the query carries the notification: neither is written down.
    expect(lines.join('\n')).not.toContain('hook-secret-0123456789');
    expect(lines.join('\n')).not.toContain('envelopeId');
  });

  it('gives a request without a usable id a new one', async () => {
    const response = await fetch(`${origin}/unknown`, { headers: { 'x-request-id': 'two words' } });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenIds.at(-1)).toBe(id);
  });

  it('observes the duration by route template and status class', async () => {
    await fetch(`${origin}/api/webhooks/another-hook`);
    const metrics = await getMetrics().registry.getSingleMetricAsString(
      'envelope_tracker_http_request_duration_seconds',
    );
    expect(metrics).toMatch(/_count\{route="\/api\/webhooks\/\[hookId\]",method="GET",status="2xx"\} [2-9]/);
    expect(metrics).toMatch(/_count\{route="other",method="GET",status="4xx"\} 1/);
    expect(metrics).not.toContain('another-hook');
  });
});
