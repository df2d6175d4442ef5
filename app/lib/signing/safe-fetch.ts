import http from 'node:http';
import https from 'node:https';
import ipaddr from 'ipaddr.js';
import { formatBytes } from '@/app/lib/format/byte-size';
import { guardedLookup } from './guarded-lookup';
import { describeAddressRange, isLoopbackAddress, isPublicAddress, isUnspecifiedAddress } from './address-ranges';
import { SpanKind } from '@opentelemetry/api';
import { inSpan, spanHost } from '@/app/lib/observability/in-span';

// provider-request.ts imports it from here.

/**
 * What outbound requests to a signing service may do. The addresses come from configuration, but
 * the answers (redirects) do not, so every hop is checked again: public addresses only, except for
 * the origins the configuration names; in production https, except to such an origin on loopback.
 */
export type SafeFetchPolicy = {
  /** Production: plain http only to a trusted origin on a loopback address (a sidecar, the sandbox). */
  requireHttps: boolean;
  /** Origins (`https://host:port`) taken from configuration; only these may be private or loopback. */
  trustedOrigins: string[];
};

export type SafeFetchOptions = {
  policy: SafeFetchPolicy;
  timeoutMs: number;
  maxBytes: number;
  /** Sent to the first origin only: a redirect elsewhere never carries credentials along. */
  headers?: Record<string, string>;
  maxRedirects?: number;
};

export type SafeFetchResponse = { status: number; url: string; contentType: string | null; body: Buffer };

export type SafeFetchErrorCode =
  'invalid_url' | 'insecure_url' | 'blocked_address' | 'timeout' | 'too_large' | 'too_many_redirects' | 'network';

export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}

const DEFAULT_MAX_REDIRECTS = 5;

/** GET `url` within the policy; the whole exchange (redirects and body included) must fit in `timeoutMs`. */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeFetchResponse> {
  // A span per call to the signing service, named by host (paths carry envelope ids, queries may carry tokens).
  return inSpan(
    'signing_service.request',
    { kind: SpanKind.CLIENT, attributes: { 'server.address': spanHost(url) } },
    async (span) => {
      const response = await safeFetchUntraced(url, options);
      span.setAttribute('http.response.status_code', response.status);
      return response;
    },
  );
}

async function safeFetchUntraced(url: string, options: SafeFetchOptions): Promise<SafeFetchResponse> {
  const deadline = Date.now() + options.timeoutMs;
  const firstUrl = parseUrl(url);
  let current = firstUrl;
  for (let hop = 0; ; hop++) {
    const headers = current.origin === firstUrl.origin ? (options.headers ?? {}) : {};
    const answer = await requestOnce(current, headers, options, deadline);
    if (answer.kind === 'response') return answer.response;
    if (hop >= (options.maxRedirects ?? DEFAULT_MAX_REDIRECTS)) {
      throw new SafeFetchError('too_many_redirects', `More than ${hop} redirects, last to ${describeUrl(current)}.`);
    }
    current = parseUrl(answer.location, current);
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new SafeFetchError('invalid_url', `${JSON.stringify(text.slice(0, 200))} is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError('invalid_url', `Only http and https addresses can be fetched, not ${url.protocol}.`);
  }
  if (url.username || url.password) {
    throw new SafeFetchError('invalid_url', 'Addresses with a user name or password in them are not fetched.');
  }
  return url;
}

/** The host without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** Names that mean this machine whatever DNS says (RFC 6761), so they are judged before any lookup. */
function isLoopbackName(host: string): boolean {
  const name = host.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Connecting to 0.0.0.0 or :: reaches this machine, so even a configured origin may not use them. */
function isConnectableAddress(address: string): boolean {
  return !isUnspecifiedAddress(address);
}

/**
 * Which addresses a connection to `url` may use, decided before connecting; throws when none may.
 * Loopback is judged like any private address: only a trusted origin may be there, or a redirect
 * could reach other services on this machine by spelling 127.0.0.1 some other way.
 */
function addressRule(url: URL, policy: SafeFetchPolicy): (address: string) => boolean {
  const host = hostOf(url);
  const trusted = policy.trustedOrigins.includes(url.origin);
  const allowed = trusted ? isConnectableAddress : isPublicAddress;
  // An address literal is connected to directly, without a lookup. The URL parser has already
  // turned 127.1, 2130706433 and 0x7f.1 into 127.0.0.1; IPv4-mapped IPv6 is judged as its IPv4.
  if (ipaddr.isValid(host) && !allowed(host)) throw blocked(url, host);
  if (isLoopbackName(host) && !trusted) throw blocked(url, host);
  if (url.protocol === 'http:' && policy.requireHttps) {
    // Plain http is only fine because the traffic never leaves the machine: hold the name to that.
    if (trusted && (isLoopbackName(host) || isLoopbackAddress(host))) return isLoopbackAddress;
    throw new SafeFetchError(
      'insecure_url',
      `${describeUrl(url)} uses plain http; in production only https is used (plain http only to the configured signing service on a loopback address).`,
    );
  }
  return allowed;
}

/** `target` is the name or address that was refused: the URL's own host, or what it resolved to. */
function blocked(url: URL, target: string): SafeFetchError {
  if (isLoopbackName(target)) {
    return new SafeFetchError(
      'blocked_address',
      `${url.host} names this machine (loopback); only the configured signing service may be on a private, loopback or link-local address.`,
    );
  }
  if (isUnspecifiedAddress(target)) {
    return new SafeFetchError(
      'blocked_address',
      `${url.host} resolves to ${target}, the unspecified address, which reaches this machine; it is never connected to.`,
    );
  }
  return new SafeFetchError(
    'blocked_address',
    `${url.host} resolves to ${target}, a private, loopback or link-local address (${describeAddressRange(target)}); only the configured signing service may be on such an address.`,
  );
}

type Answer = { kind: 'response'; response: SafeFetchResponse } | { kind: 'redirect'; location: string };

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  options: SafeFetchOptions,
  deadline: number,
): Promise<Answer> {
  const allowed = addressRule(url, options.policy);
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw timeoutError(url, options.timeoutMs);

  return new Promise<Answer>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      headers: { 'user-agent': 'envelope-tracker', ...headers },
      agent: false,
      lookup: guardedLookup((address) => (allowed(address) ? null : blocked(url, address))),
    });
    // Settles once; destroying the request afterwards only releases the socket.
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(toSafeFetchError(error, url));
      request.destroy();
    };
    const timer = setTimeout(() => fail(timeoutError(url, options.timeoutMs)), remaining);
    request.on('error', fail);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        clearTimeout(timer);
        response.resume();
        request.destroy();
        resolve({ kind: 'redirect', location });
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        fail(tooLarge(url, options.maxBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          fail(tooLarge(url, options.maxBytes));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        if (!response.complete) {
          reject(new SafeFetchError('network', `The answer from ${url.host} was cut off.`));
          return;
        }
        const contentType = response.headers['content-type'] ?? null;
        resolve({
          kind: 'response',
          response: { status, url: url.toString(), contentType, body: Buffer.concat(chunks, size) },
        });
      });
    });
    request.end();
  });
}

function timeoutError(url: URL, timeoutMs: number): SafeFetchError {
  return new SafeFetchError('timeout', `${url.host} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`);
}

function tooLarge(url: URL, maxBytes: number): SafeFetchError {
  return new SafeFetchError(
    'too_large',
    `The answer from ${url.host} is larger than ${formatBytes(maxBytes)} (DOCUMENT_MAX_BYTES).`,
  );
}

function toSafeFetchError(error: unknown, url: URL): SafeFetchError {
  if (error instanceof SafeFetchError) return error;
  const code = (error as { code?: string }).code;
  const reasons: Record<string, string> = {
    ENOTFOUND: `${url.hostname} could not be resolved (DNS).`,
    EAI_AGAIN: `${url.hostname} could not be resolved right now (DNS).`,
    ECONNREFUSED: `${url.host} refused the connection.`,
    ECONNRESET: `${url.host} closed the connection.`,
    ETIMEDOUT: `${url.host} could not be reached (connection timed out).`,
    EHOSTUNREACH: `${url.host} is unreachable.`,
    ENETUNREACH: `${url.host} is unreachable.`,
    CERT_HAS_EXPIRED: `${url.host} presented an expired TLS certificate.`,
    DEPTH_ZERO_SELF_SIGNED_CERT: `${url.host} presented a self-signed TLS certificate.`,
    ERR_TLS_CERT_ALTNAME_INVALID: `${url.host} presented a TLS certificate for another name.`,
  };
  const message = (code && reasons[code]) ?? `${url.host} could not be reached: ${(error as Error).message}`;
  return new SafeFetchError('network', message);
}
