import type { z } from 'zod';

/**
 * A request to this app's API that did not give what was asked for. `message` is the API's own, written for people
 * (from its one error shape `{ "error": { "code", "message" } }`), or this page's short account of what went wrong
 * before that: "the server could not be reached", "the server answered HTTP 502".
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  /** The HTTP status of the answer; null when no answer arrived. */
  readonly status: number | null;
  /** The API's error code, when the answer had one. */
  readonly code: string | null;
  /** True when the message is the API's own (its one error shape), written to be shown as it is. */
  readonly fromApi: boolean;

  constructor(message: string, options: { status: number | null; code?: string | null; fromApi?: boolean }) {
    super(message);
    this.status = options.status;
    this.code = options.code ?? null;
    this.fromApi = options.fromApi ?? false;
  }
}

/**
 * One sentence for a failed action: the API's own message as it is, anything else after what failed, e.g.
 * "Replay failed: the server could not be reached."
 */
export function describeFailure(failure: unknown, whatFailed: string): string {
  if (failure instanceof ApiRequestError && failure.fromApi) return failure.message;
  const reason = failure instanceof Error ? failure.message : 'unknown error';
  return `${whatFailed}: ${reason.replace(/\.$/, '')}.`;
}

/** The API's error shape, if the body has it. */
export function readApiError(body: unknown): { code: string | null; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  if (typeof error.message !== 'string') return null;
  return { code: 'code' in error && typeof error.code === 'string' ? error.code : null, message: error.message };
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
};

/**
 * Calls the API from the browser and answers the parsed, checked JSON of a successful answer (without a schema:
 * whatever JSON it had, or null). Every failure throws an ApiRequestError: no answer, an error answer, or an answer
 * this page does not understand.
 */
export async function requestJson<S extends z.ZodType>(
  url: string,
  options: RequestOptions & { schema: S },
): Promise<z.output<S>>;
export async function requestJson(url: string, options?: RequestOptions): Promise<unknown>;
export async function requestJson(url: string, options: RequestOptions & { schema?: z.ZodType } = {}) {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      cache: 'no-store',
      headers: { accept: 'application/json', ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      body: hasBody ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiRequestError('the server could not be reached', { status: null });
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page, say): the status says the rest.
  }
  if (!response.ok) {
    const apiError = readApiError(body);
    if (apiError)
      throw new ApiRequestError(apiError.message, { status: response.status, code: apiError.code, fromApi: true });
    throw new ApiRequestError(`the server answered HTTP ${response.status}`, { status: response.status });
  }
  if (!options.schema) return body;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    // Most likely a server updated under an open tab; a reload picks up the matching page.
    throw new ApiRequestError('the server sent an answer this page does not understand; reload the page', {
      status: response.status,
    });
  }
  return parsed.data;
}
