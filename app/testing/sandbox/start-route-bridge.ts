import http from 'node:http';
import { SANDBOX_ESIGNANYWHERE_BASE_PATH } from '@/app/lib/signing/sandbox-address';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';
import { listenOnLoopback, type LoopbackListener } from '../listen-on-loopback';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const SANDBOX = `${SANDBOX_ESIGNANYWHERE_BASE_PATH}/Api/v6`;

/**
 * A real HTTP server in front of the real route handlers of webhooks and the sandbox API (tests
 * only): what `next start` does for these paths, so a test can run the production path over
 * loopback (simulator → webhook → adapter → sandbox API) without a build.
 */
export async function startRouteBridge(): Promise<LoopbackListener> {
  const routes: [RegExp, () => Promise<Record<string, unknown>>, string][] = [
    [/^\/api\/webhooks\/([^/]+)$/, () => import('@/app/api/webhooks/[hookId]/route'), 'hookId'],
    [
      new RegExp(`^${SANDBOX}/envelope/([^/]+)$`),
      () => import('@/app/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/route'),
      'envelopeId',
    ],
    [
      new RegExp(`^${SANDBOX}/envelope/([^/]+)/files$`),
      () => import('@/app/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/files/route'),
      'envelopeId',
    ],
    [
      new RegExp(`^${SANDBOX}/envelope/([^/]+)/history$`),
      () => import('@/app/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/history/route'),
      'envelopeId',
    ],
    [
      new RegExp(`^${SANDBOX}/envelope/([^/]+)/configuration$`),
      () => import('@/app/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/configuration/route'),
      'envelopeId',
    ],
    [
      new RegExp(`^${SANDBOX}/file/([^/]+)$`),
      () => import('@/app/api/sandbox/esignanywhere/Api/v6/file/[fileId]/route'),
      'fileId',
    ],
  ];

  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host}`);
      const match = routes
        .map(([pattern, load, name]) => ({ found: pattern.exec(url.pathname), load, name }))
        .find((r) => r.found);
      const handler = match ? ((await match.load())[incoming.method ?? 'GET'] as Handler | undefined) : undefined;
      if (!match || !handler) {
        outgoing.writeHead(404).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [key, value] of Object.entries(incoming.headers))
        if (typeof value === 'string') headers.set(key, value);
      headers.set(PEER_ADDRESS_HEADER, incoming.socket.remoteAddress ?? '127.0.0.1');
      const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
      const request = new Request(url, {
        method: incoming.method,
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
      });
      const params = { [match.name]: decodeURIComponent(match.found![1]!) };
      const response = await handler(request, { params: Promise.resolve(params) });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500).end(String(error));
    }
  });
  return listenOnLoopback(server);
}
