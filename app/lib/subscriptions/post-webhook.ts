import 'server-only';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { inSpan, spanHost } from '@/app/lib/observability/in-span';
import { DELIVERY_TIMEOUT_MS } from './delivery-schedule';
import type { ResolveHost } from '@/app/lib/signing/guarded-lookup';
import { postJsonRequest, RefusedAddressError } from './post-json-request';
import { signWebhookRequest } from './sign-webhook-request';

/** What a receiver made of one request. */
export type PostOutcome = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** Why it did not count as delivered, for people: "HTTP 500", "no answer within 10 s", … */
  error: string | null;
  /** The start of the answer's body, for the attempts list. */
  responseExcerpt: string | null;
};

const EXCERPT_CHARS = 500;
const USER_AGENT = 'envelope-tracker-webhooks/1';

/**
 * POSTs one signed event: a 2xx within the timeout delivers it. Redirects are not followed (a 3xx is a failure
 * saying where it pointed); the answer's body is read only up to an excerpt.
 */
export async function postWebhook(options: {
  url: string;
  messageId: string;
  body: string;
  secrets: readonly string[];
  now: Date;
  timeoutMs?: number;
}): Promise<PostOutcome> {
  return postJson({
    url: options.url,
    body: options.body,
    headers: signWebhookRequest({
      messageId: options.messageId,
      timestamp: options.now,
      body: options.body,
      secrets: options.secrets,
    }),
    timeoutMs: options.timeoutMs,
  });
}

/**
 * POSTs a JSON body, signed or not (alerts to Slack and Teams share this with the signed events): a 2xx within the
 * timeout counts. Redirects are not followed; `hideRedirectTarget` leaves the 3xx's Location out of the error for
 * addresses that are secrets themselves, whose redirect may give away the same secret.
 */
export async function postJson(options: PostJsonOptions): Promise<PostOutcome> {
  // A span of its own, named by host only: a Slack or Teams URL's path is a secret.
  return inSpan(
    'http.post',
    { kind: SpanKind.CLIENT, attributes: { 'http.request.method': 'POST', 'server.address': spanHost(options.url) } },
    async (span) => {
      const outcome = await postJsonUntraced(options);
      if (outcome.statusCode !== null) span.setAttribute('http.response.status_code', outcome.statusCode);
      if (!outcome.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error ?? 'failed' });
      return outcome;
    },
  );
}

export type PostJsonOptions = {
  url: string;
  body: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  hideRedirectTarget?: boolean;
  /** How host names are resolved: DNS unless a test gives its own. */
  resolveHost?: ResolveHost;
};

async function postJsonUntraced(options: PostJsonOptions): Promise<PostOutcome> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const headers = { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...options.headers };
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const answer = await postJsonRequest({
      url: options.url,
      body: options.body,
      headers,
      timeoutMs,
      excerptChars: EXCERPT_CHARS,
      resolveHost: options.resolveHost,
    });
    const ok = answer.status >= 200 && answer.status < 300;
    const location = options.hideRedirectTarget ? null : answer.location;
    const error = ok
      ? null
      : answer.status >= 300 && answer.status < 400
        ? `HTTP ${answer.status}: redirects are not followed${location ? ` (to ${location.slice(0, 200)})` : ''}; give the final address`
        : `HTTP ${answer.status}`;
    return { ok, statusCode: answer.status, durationMs: elapsed(), error, responseExcerpt: answer.excerpt };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const reason = timedOut
      ? `no answer within ${Math.round(timeoutMs / 1000)} s`
      : error instanceof RefusedAddressError
        ? `not sent: ${error.message}`
        : `could not connect: ${describeNetworkError(error)}`;
    return { ok: false, statusCode: null, durationMs: elapsed(), error: reason, responseExcerpt: null };
  }
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return 'unknown error';
}
