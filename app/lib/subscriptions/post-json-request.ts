import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { describeAddressRange } from '@/app/lib/signing/address-ranges';
import { guardedLookup, type ResolveHost } from '@/app/lib/signing/guarded-lookup';
import { isNeverTargetAddress } from './subscription-target';

// One POST to a subscriber or an alert channel, on Node's own client rather than fetch: the connection's address is
// checked after the name was resolved, so a host name that resolves to a link-local address (cloud metadata at
// 169.254.169.254) is refused, not only such an address written in the URL.

export type PostAnswer = { status: number; location: string | null; excerpt: string | null };

/** Raised when the host is, or resolves to, an address events are never sent to. */
export class RefusedAddressError extends Error {
  readonly code = 'refused_address';
}

// Kept alive: under a flood a subscriber gets hundreds of events a second.
const HTTP_AGENT = new http.Agent({ keepAlive: true });
const HTTPS_AGENT = new https.Agent({ keepAlive: true });

/**
 * POSTs `body` to `url` and reads the answer's status, Location and up to `excerptChars` of its body. Redirects are
 * not followed. Rejects with a RefusedAddressError, a TimeoutError after `timeoutMs`, or the network's error.
 */
export function postJsonRequest(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  excerptChars: number;
  resolveHost?: ResolveHost;
}): Promise<PostAnswer> {
  const url = new URL(options.url);
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isNeverTargetAddress(literal)) return Promise.reject(refused(url.hostname, literal));
  const secure = url.protocol === 'https:';
  return new Promise<PostAnswer>((resolveAnswer, rejectAnswer) => {
    const request = (secure ? https : http).request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': Buffer.byteLength(options.body) },
      agent: secure ? HTTPS_AGENT : HTTP_AGENT,
      lookup: guardedLookup(
        (address) => (isNeverTargetAddress(address) ? refused(url.hostname, address) : null),
        options.resolveHost,
      ),
    });
    // A timer cleared with the answer, not AbortSignal.timeout: that signal keeps the finished request reachable for
    // the whole timeout and then fires anyway, so under a steady stream of events every request outlived the young
    // generation and cost a full collection.
    const timeout = setTimeout(() => request.destroy(timeoutError(options.timeoutMs)), options.timeoutMs);
    const resolve = (answer: PostAnswer) => {
      clearTimeout(timeout);
      resolveAnswer(answer);
    };
    const reject = (error: Error) => {
      clearTimeout(timeout);
      rejectAnswer(error);
    };
    request.on('error', reject);
    request.on('response', (response) => {
      let excerpt = '';
      const finish = () => {
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location ?? null,
          excerpt: excerpt === '' ? null : excerpt.slice(0, options.excerptChars),
        });
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        excerpt += chunk;
        // The start is all that is kept: the rest is not waited for.
        if (excerpt.length >= options.excerptChars) {
          response.destroy();
          finish();
        }
      });
      response.on('end', finish);
      // A body cut short still has its start.
      response.on('error', finish);
      response.on('aborted', finish);
    });
    request.end(options.body);
  });
}

function timeoutError(timeoutMs: number): Error {
  const error = new Error(`No answer within ${timeoutMs} ms.`);
  error.name = 'TimeoutError';
  return error;
}

function refused(hostname: string, address: string): RefusedAddressError {
  const what = `a ${describeAddressRange(address)} address, where events are never sent`;
  return new RefusedAddressError(
    hostname.replace(/^\[|\]$/g, '') === address
      ? `${address} is ${what}`
      : `${hostname} resolves to ${address}, ${what}`,
  );
}
