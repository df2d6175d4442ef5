import 'server-only';
import { z } from 'zod';
import { prisma } from '@/app/lib/db/prisma';
import { getEnvironment, getPublicUrl } from '@/app/lib/env';
import { TEST_ENVELOPE_PREFIX } from '@/app/lib/envelopes/test-envelopes';
import { signStandardWebhook } from './signing-secret';
import { hookUrl } from './hook-urls';

export const TEST_RECIPIENT_EMAIL = 'test.recipient@example.com';
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_SHOWN_BODY = 2_000;

export type TestNotificationVerdict =
  'delivered' | 'not_stored' | 'refused' | 'redirected' | 'unexpected_answer' | 'unreachable' | 'timeout';

export type TestNotificationResult = {
  ok: boolean;
  verdict: TestNotificationVerdict;
  /** What happened and, when it failed, what to change. */
  message: string;
  /** The address called: the hook's public URL with the test notification's fields. */
  url: string;
  signed: boolean;
  status: number | null;
  durationMs: number;
  responseBody: string | null;
  envelopeId: string;
  /** True when the test envelope is in this app's database, so its page can be opened. */
  envelopeStored: boolean;
};

// The answers this app's webhook route gives; anything else came from some other server.
const acceptedAnswer = z.object({ ok: z.literal(true), envelopeId: z.string() });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Calls a hook through its public URL over real HTTP, as the signing service would: a workstepOpened for a test
 * envelope (`test-<timestamp>`, custom value test=1), signed when the hook requires signatures. Proves that PUBLIC_URL
 * leads back to this app and that the hook accepts what it is sent. Returns null for an unknown or revoked hook.
 */
export async function sendTestNotification(options: {
  hookId: string;
  /** Defaults to PUBLIC_URL (or http://localhost:<PORT>). */
  publicUrl?: string;
  timeoutMs?: number;
  now?: Date;
}): Promise<TestNotificationResult | null> {
  const hook = await prisma.hook.findUnique({ where: { id: options.hookId } });
  if (!hook || hook.revokedAt) return null;

  const now = options.now ?? new Date();
  const publicUrl = options.publicUrl ?? getPublicUrl();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const envelopeId = `${TEST_ENVELOPE_PREFIX}${now.getTime()}`;
  const fields = {
    test: '1',
    envelopeId,
    action: 'workstepOpened',
    recipientEmail: TEST_RECIPIENT_EMAIL,
    recipientOrder: '1',
  };
  const headers: Record<string, string> = { 'user-agent': 'envelope-tracker test notification' };
  let url: string;
  let body: string | undefined;
  if (hook.signingSecret) {
    // A signed hook reads the notification from the signed body alone: a POST of JSON, no query string.
    url = hookUrl(publicUrl, hook.id);
    body = JSON.stringify(fields);
    Object.assign(
      headers,
      { 'content-type': 'application/json' },
      signStandardWebhook({ secret: hook.signingSecret, webhookId: `msg_test_${now.getTime()}`, timestamp: now, body }),
    );
  } else {
    url = `${hookUrl(publicUrl, hook.id)}?${new URLSearchParams(fields)}`;
  }

  const base = { url, signed: Boolean(hook.signingSecret), envelopeId };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let response: Response;
  let answerText: string;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body,
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    answerText = await response.text();
  } catch (error) {
    const durationMs = elapsed();
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ...base,
      ok: false,
      verdict: timedOut ? 'timeout' : 'unreachable',
      message: timedOut
        ? `No answer from ${originOf(url)} within ${formatSeconds(timeoutMs)}. ${publicUrlAdvice(publicUrl)}`
        : `This server could not reach ${originOf(url)}: ${describeFetchError(error)}. ${publicUrlAdvice(publicUrl)}`,
      status: null,
      durationMs,
      responseBody: null,
      envelopeStored: false,
    };
  }
  const durationMs = elapsed();
  const answer = {
    ...base,
    status: response.status,
    durationMs,
    responseBody: answerText.length > MAX_SHOWN_BODY ? `${answerText.slice(0, MAX_SHOWN_BODY)}…` : answerText,
  };
  const json = parseJson(answerText);

  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    return {
      ...answer,
      ok: false,
      verdict: 'redirected',
      envelopeStored: false,
      message:
        `${originOf(url)} answered with a redirect (HTTP ${response.status})${location ? ` to ${location}` : ''}. ` +
        'Signing services do not follow redirects: set PUBLIC_URL to the address the redirect leads to' +
        `${location ? ` (${originOf(new URL(location, url).href)})` : ''} and restart the app.`,
    };
  }

  const accepted = acceptedAnswer.safeParse(json);
  if (response.status === 200 && accepted.success) {
    const stored = (await prisma.envelope.count({ where: { id: envelopeId, hookId: hook.id } })) > 0;
    if (!stored) {
      return {
        ...answer,
        ok: false,
        verdict: 'not_stored',
        envelopeStored: false,
        message:
          `${originOf(url)} accepted the notification, but it is not in this app's database: PUBLIC_URL leads to ` +
          'another installation. Set PUBLIC_URL to the address of this one and restart the app.',
      };
    }
    return {
      ...answer,
      ok: true,
      verdict: 'delivered',
      envelopeStored: true,
      message:
        `Delivered in ${durationMs} ms: the hook stored the test notification as envelope ${envelopeId}` +
        `${hook.signingSecret ? ', and its signature was verified' : ''}.` +
        (isLocalAddress(url)
          ? ` Note: ${originOf(url)} can only be reached from this machine; set PUBLIC_URL to an address the ` +
            'signing service can reach before pasting the hook URLs into a sign request.'
          : ''),
    };
  }

  const refusal = errorAnswer.safeParse(json);
  if (refusal.success) {
    const { code, message } = refusal.data.error;
    return {
      ...answer,
      ok: false,
      verdict: 'refused',
      envelopeStored: false,
      message: `The hook refused the test notification (HTTP ${response.status}, ${code}): ${message}${refusalHint(code)}`,
    };
  }

  return {
    ...answer,
    ok: false,
    verdict: 'unexpected_answer',
    envelopeStored: false,
    message:
      `${originOf(url)} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}, ` +
      'but not as this app answers notifications. PUBLIC_URL may lead to another site, or a proxy in front of the app ' +
      'answered instead: set PUBLIC_URL to the address where this app is reachable and check the proxy.',
  };
}

function refusalHint(code: string): string {
  switch (code) {
    case 'source_not_allowed':
      return (
        ' The test comes from this server itself; add its address to the allowed networks to let the test through, ' +
        'or rely on the first real notification from the signing service.'
      );
    case 'unknown_hook':
      return ' PUBLIC_URL leads to an installation with another database: set it to the address of this one.';
    default:
      return '';
  }
}

function publicUrlAdvice(publicUrl: string): string {
  const configured = getEnvironment().PUBLIC_URL;
  const now = configured ? `PUBLIC_URL is ${configured}` : `PUBLIC_URL is not set, so ${publicUrl} was assumed`;
  return (
    `${now}: set PUBLIC_URL to the address at which this app is reachable (e.g. https://envelopes.example.com) and ` +
    'restart the app. The signing service must be able to reach the same address.'
  );
}

function describeFetchError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (nothing listens at that address and port)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name does not resolve';
    case 'ECONNRESET':
      return 'the connection was closed before an answer came';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'there is no network route to it';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `its TLS certificate is not accepted (${cause.code})`;
    default:
      return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}

function isLocalAddress(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
