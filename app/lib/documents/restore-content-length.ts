import type http from 'node:http';
import { onIncomingRequest } from '@/app/lib/server/on-incoming-request';

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
  onIncomingRequest('restore-content-length', (request, response) => {
    if (request.url && DOWNLOAD_PATH.test(request.url)) declareLengthOnWriteHead(response);
  });
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
