/**
 * The HTTP-server patches: the only code in this app that reaches under Next.js into Node's own HTTP server.
 * instrumentation.ts installs them once per process, before the first request, with installHttpServerPatches().
 *
 * 1. Peer address, for per-hook network allow-lists and sign-in throttling.
 *    What: on every request, before Next.js sees it, the TCP socket's remote address is written into the request
 *    header PEER_ADDRESS_HEADER; a copy of that header sent by the client is deleted first, so it cannot be forged.
 *    Route code reads it with readPeerAddress() (through getSourceAddress in app/lib/webhooks/source-address.ts,
 *    used by the webhook route and the sign-in route; proxy.ts's warn-missing-proxy-hops compares it with
 *    X-Forwarded-For). Patched: http.Server.prototype.emit('request').
 *    Why no Next.js API: route handlers and proxy.ts get a Web Request with no socket; NextRequest has had no `ip`
 *    since 15.0 ("The geo and ip properties on NextRequest have been removed as these values are provided by your
 *    hosting provider": https://nextjs.org/docs/app/guides/upgrading/version-15, and the version history on
 *    https://nextjs.org/docs/app/api-reference/functions/next-request; both as shipped in node_modules/next/dist/docs).
 *    `next start` does fill X-Forwarded-For with the socket address, but only when the request has none
 *    (`x-forwarded-for ??= socket.remoteAddress` in next/dist/server/base-server.js, 16.4), so a client's own
 *    X-Forwarded-For arrives unchanged and a forged entry cannot be told from the peer. headers(), connection() and
 *    after() expose nothing more. A custom server (https://nextjs.org/docs/app/guides/custom-server) would see the
 *    socket, but it replaces `next start` (the docs keep it for when the integrated router cannot do the job) and
 *    would still need patch 2.
 *
 * 2. Content-Length on document downloads.
 *    What: a route that knows its body's exact size sends it in DECLARED_LENGTH_HEADER as well; just before the
 *    headers go out, that header is removed and its value becomes Content-Length (unless the answer has been
 *    compressed meanwhile, when the size no longer holds), so the file arrives with its size (for the browser's
 *    progress bar) instead of chunked. The header alone decides, no list of paths: a response without
 *    it costs one header lookup. Patched: http.ServerResponse.prototype.writeHead, which Node also calls for
 *    implicit headers (the first write()).
 *    Why no Next.js API: Next.js drops Content-Length (and Content-Encoding, Transfer-Encoding) from every route
 *    handler Response, whatever its body (stream, Blob or Uint8Array), because fetch may have decoded a body whose
 *    headers it kept (FORBIDDEN_HEADERS in next/dist/server/send-response.js, 16.4); no option keeps it, and the
 *    docs say nothing of Content-Length at all.
 *
 * 3. Request id, request log and request metrics.
 *    What: every request gets an id (the caller's X-Request-Id when it is a plain token, else a new one), returned in
 *    the answer's X-Request-Id and set in the request's headers for route handlers; when the answer has gone out, one
 *    JSON log line and one duration observation by route template (app/lib/observability/record-request.ts).
 *    Patched: the same emit('request') as patch 1.
 *    Why no Next.js API: proxy.ts sees a request before its route runs but never its end; instrumentation's
 *    onRequestError sees only failures.
 *
 * All fail silently if Next.js stops serving through node:http's Server and ServerResponse (an allow-list then sees
 * no address and refuses, downloads arrive chunked): e2e/http-server-patches.spec.ts checks both on the production
 * build, http-server-patches.test.ts on a bare node:http server.
 */
import http from 'node:http';
import { PRINCIPAL_HEADER } from '@/app/lib/auth/principal';
import { recordRequest } from '@/app/lib/observability/record-request';
import { trackedServers } from './tracked-servers';

/** Request header holding the TCP peer's address; stamped by the server, any copy a client sends is removed first. */
export const PEER_ADDRESS_HEADER = 'x-envelope-tracker-peer-address';

/**
 * Response header a route handler sets to its body's exact byte length (with Content-Length, which Next.js drops);
 * it is turned into Content-Length on the wire and never sent itself. It must equal the bytes of the body.
 */
export const DECLARED_LENGTH_HEADER = 'x-envelope-tracker-length';

/** The TCP peer's address of the request these headers came with; null where the patch did not run. */
export function readPeerAddress(headers: Headers): string | null {
  return headers.get(PEER_ADDRESS_HEADER);
}

/**
 * Installs the patches. Idempotent per process (hot reload, a second instrumentation call, module copies in
 * separate bundles): the markers live on Node's own prototypes under global symbols.
 */
export function installHttpServerPatches(): void {
  stampPeerAddressOnEveryRequest();
  turnDeclaredLengthIntoContentLength();
}

function installOnce(target: object, name: string, install: () => void): void {
  const marker = Symbol.for(`envelope-tracker.http-server-patches.${name}`);
  const marked = target as { [marker: symbol]: boolean };
  if (marked[marker]) return;
  marked[marker] = true;
  install();
}

function stampPeerAddressOnEveryRequest(): void {
  const prototype = http.Server.prototype;
  installOnce(prototype, 'peer-address', () => {
    const emit = prototype.emit;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        trackedServers().add(this);
        const request = args[0] as http.IncomingMessage;
        delete request.headers[PEER_ADDRESS_HEADER];
        // Only proxy.ts names whom a request acts for; a client's copy is gone before anything reads it.
        delete request.headers[PRINCIPAL_HEADER];
        const address = request.socket?.remoteAddress;
        if (address) request.headers[PEER_ADDRESS_HEADER] = address;
        recordRequest(request, args[1] as http.ServerResponse);
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof prototype.emit;
  });
}

function turnDeclaredLengthIntoContentLength(): void {
  const prototype = http.ServerResponse.prototype;
  installOnce(prototype, 'declared-length', () => {
    const writeHead = prototype.writeHead;
    prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
      const declared = this.getHeader(DECLARED_LENGTH_HEADER);
      if (declared !== undefined) {
        this.removeHeader(DECLARED_LENGTH_HEADER);
        if (this.getHeader('content-encoding') === undefined && /^\d+$/.test(String(declared))) {
          this.setHeader('content-length', String(declared));
        }
      }
      return writeHead.apply(this, args as Parameters<typeof writeHead>);
    } as typeof prototype.writeHead;
  });
}
