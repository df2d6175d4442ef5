import http from 'node:http';

/** Set by the document download route; turned into Content-Length on the way out. */
export const DECLARED_LENGTH_HEADER = 'x-envelope-tracker-length';

const DOWNLOAD_PATH = /^\/api\/envelopes\/[^/?]+\/documents\/[^/?]+/;

/**
 * Next.js drops Content-Length from route handler responses (the body might have been re-encoded),
 * so downloads would arrive chunked, with no size for the browser's progress bar. For document
 * downloads only, the length the route declares is put back just before the headers are sent,
 * unless the response has been compressed meanwhile.
 */
export function restoreContentLength(): void {
  const marker = Symbol.for('envelope-tracker.restore-content-length');
  const prototype = http.Server.prototype as http.Server & { [key: symbol]: boolean };
  if (prototype[marker]) return;
  prototype[marker] = true;
  const originalEmit = prototype.emit;
  prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      const response = args[1] as http.ServerResponse;
      if (request.url && DOWNLOAD_PATH.test(request.url)) declareLengthOnWriteHead(response);
    }
    return originalEmit.apply(this, [event, ...args] as Parameters<typeof originalEmit>);
  } as typeof prototype.emit;
}

function declareLengthOnWriteHead(response: http.ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    const declared = this.getHeader(DECLARED_LENGTH_HEADER);
    if (declared !== undefined) {
      this.removeHeader(DECLARED_LENGTH_HEADER);
      if (this.getHeader('content-encoding') === undefined && /^\d+$/.test(String(declared))) {
        this.setHeader('content-length', String(declared));
      }
    }
    return writeHead.apply(this, args as Parameters<typeof writeHead>);
  } as typeof response.writeHead;
}
