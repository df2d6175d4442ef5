import { formatBytes } from '@/app/lib/format/byte-size';
import { safeFetch, SafeFetchError, type SafeFetchPolicy, type SafeFetchResponse } from './safe-fetch';
import { isPdf, ProviderError } from './signing-provider';

/** How far an adapter may go: time per request, bytes per answer, and where it may connect. */
export type ProviderLimits = { timeoutMs: number; maxBytes: number; requireHttps: boolean };

/** JSON answers are small; a huge one is a wrong endpoint, not an envelope. */
const MAX_JSON_BYTES = 5 * 1024 * 1024;

export function policyFor(configuredUrl: string, limits: ProviderLimits): SafeFetchPolicy {
  return { requireHttps: limits.requireHttps, trustedOrigins: [new URL(configuredUrl).origin] };
}

export async function fetchFromProvider(
  url: string,
  options: { policy: SafeFetchPolicy; limits: ProviderLimits; headers: Record<string, string>; json?: boolean },
): Promise<SafeFetchResponse> {
  try {
    return await safeFetch(url, {
      policy: options.policy,
      timeoutMs: options.limits.timeoutMs,
      maxBytes: options.json ? Math.min(MAX_JSON_BYTES, options.limits.maxBytes) : options.limits.maxBytes,
      headers: options.headers,
    });
  } catch (error) {
    if (error instanceof SafeFetchError) {
      // Timeouts and network trouble pass; an address or size refusal needs a person.
      const retryable = error.code === 'timeout' || error.code === 'network';
      return Promise.reject(new ProviderError(error.code, error.message, retryable));
    }
    throw error;
  }
}

/** Turns an answer other than 2xx into an error saying what to do about it. */
export function checkStatus(response: SafeFetchResponse, what: string, credentialHint: string): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const detail = errorDetail(response);
  if (status === 401 || status === 403) {
    throw new ProviderError(
      'unauthorized',
      `The signing service refused the request for ${what} (HTTP ${status}${detail}). ${credentialHint}`,
      false,
    );
  }
  if (status === 404) {
    throw new ProviderError('not_found', `The signing service does not know ${what} (HTTP 404${detail}).`, false);
  }
  if (status >= 500) {
    throw new ProviderError(
      'server_error',
      `The signing service failed answering for ${what} (HTTP ${status}${detail}); it is asked again later.`,
      true,
    );
  }
  throw new ProviderError(
    'unexpected_status',
    `The signing service answered HTTP ${status} for ${what}${detail}.`,
    status === 408 || status === 429,
  );
}

/** eSignAnyWhere puts `Message` (and `ErrorId`) in its JSON errors; other bodies are not echoed. */
function errorDetail(response: SafeFetchResponse): string {
  if (!response.contentType?.includes('json')) return '';
  try {
    const parsed = JSON.parse(response.body.toString('utf8')) as { Message?: unknown; ErrorId?: unknown };
    // eSignAnyWhere's Message usually starts with its ErrorId already ("ERR0007 - ..."): say it once.
    const message = typeof parsed.Message === 'string' ? parsed.Message : '';
    const errorId = typeof parsed.ErrorId === 'string' && !message.startsWith(parsed.ErrorId) ? parsed.ErrorId : '';
    const parts = [errorId, message].filter((part) => part.length > 0);
    return parts.length > 0 ? `: ${parts.join(' ').slice(0, 300)}` : '';
  } catch {
    return '';
  }
}

export function parseJson(response: SafeFetchResponse, what: string): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new ProviderError(
      'invalid_response',
      `The signing service's answer for ${what} is not JSON (${response.contentType ?? 'no content type'}). Check that the base URL points at the eSignAnyWhere API.`,
      false,
    );
  }
}

export function requirePdf(response: SafeFetchResponse, what: string, maxBytes: number): Buffer {
  if (!isPdf(response.body)) {
    const type = response.contentType ? `, ${response.contentType}` : '';
    throw new ProviderError(
      'not_pdf',
      `${what} is not a PDF (the answer does not start with %PDF-; ${formatBytes(response.body.length)}${type}).`,
      true,
    );
  }
  if (response.body.length > maxBytes) {
    throw new ProviderError(
      'too_large',
      `${what} is larger than ${formatBytes(maxBytes)} (DOCUMENT_MAX_BYTES).`,
      false,
    );
  }
  return response.body;
}
