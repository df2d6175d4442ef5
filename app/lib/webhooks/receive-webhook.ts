import 'server-only';
import { parseAllowedNetworks } from '@/app/lib/db/json-columns';
import { getEnvironment } from '@/app/lib/env';
import { isAddressAllowed } from '@/app/lib/hooks/allowed-networks';
import { getActiveHook } from '@/app/lib/hooks/hook-cache';
import { pickLoggedHeaders, type DeliveryRecord } from './delivery-record';
import { ingestAndFollowUp } from './ingest-and-follow-up';
import type { IngestResult } from './ingest-notification';
import { parseNotification } from './parse-notification';
import { readBodyWithLimit } from './read-body-with-limit';
import { recordRejectedDelivery } from './record-rejected-delivery';
import { takeHookRateLimitToken } from './hook-rate-limit';
import { getSourceAddress } from './source-address';
import { countUnknownHookRequest } from './unknown-hook-counter';
import { verifyStandardWebhookSignature } from './verify-signature';
import { countNotification } from '@/app/lib/observability/count-notification';
import { inSpan, inSpanSync } from '@/app/lib/observability/in-span';

export const MAX_BODY_BYTES = 64 * 1024;

export type WebhookAnswer =
  | { status: 200; body: { ok: true; envelopeId: string; duplicate: boolean }; ingest: IngestResult }
  | {
      status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;
      body: { error: { code: string; message: string } };
      headers?: Record<string, string>;
    };

type RefusalStatus = Exclude<WebhookAnswer['status'], 200>;

function refusal(
  status: RefusalStatus,
  code: string,
  message: string,
  headers?: Record<string, string>,
): WebhookAnswer {
  return { status, body: { error: { code, message } }, ...(headers ? { headers } : {}) };
}

/**
 * Everything between an HTTP request to /api/webhooks/<hookId> and its answer: hook, size,
 * network and signature checks, parsing, then storing. Nothing slow runs here; work that follows
 * a stored notification (document downloads) is the caller's to schedule after answering.
 */
export async function receiveWebhook(options: { hookId: string; request: Request }): Promise<WebhookAnswer> {
  const seen: SeenNotification = { hook: null, action: null };
  const answer = await inSpan('webhook.receive', {}, async (span) => {
    const received = await receive(options, seen);
    // By name and action only: the hook's id is the secret part of its URL.
    span.setAttributes({
      'webhook.hook': seen.hook ?? 'unknown',
      'webhook.action': seen.action ?? 'none',
      'http.response.status_code': received.status,
    });
    return received;
  });
  countNotification({
    ...seen,
    ...(answer.status === 200
      ? { outcome: answer.body.duplicate ? 'duplicate' : 'accepted', code: null }
      : { outcome: 'refused', code: answer.body.error.code }),
  });
  return answer;
}

/** What the metrics name a notification by, as far as it got: its hook's name and its action. */
type SeenNotification = { hook: string | null; action: string | null };

async function receive(options: { hookId: string; request: Request }, seen: SeenNotification): Promise<WebhookAnswer> {
  const { hookId, request } = options;
  const receivedAt = new Date();
  try {
    const hook = await getActiveHook(hookId);
    if (!hook) {
      countUnknownHookRequest();
      return refusal(
        404,
        'unknown_hook',
        'No active hook has this address. Check the hook id in the URL on the Setup page.',
      );
    }

    seen.hook = hook.name;
    const perSecond = hook.rateLimitPerSecond ?? getEnvironment().WEBHOOK_RATE_LIMIT_PER_SECOND;
    const rate = takeHookRateLimitToken({ hookId, perSecond });
    if (!rate.allowed) {
      // Not logged: a flood must not reach the database. The sender retries after the wait.
      await request.body?.cancel().catch(() => undefined);
      return refusal(
        429,
        'rate_limited',
        `This hook takes at most ${perSecond} notifications per second. Retry after ${rate.retryAfterSeconds} s; ` +
          "raise the hook's limit on the Setup page if this is real traffic.",
        { 'Retry-After': String(rate.retryAfterSeconds) },
      );
    }

    const url = new URL(request.url);
    const read = await readBodyWithLimit(request, MAX_BODY_BYTES);
    const delivery: DeliveryRecord = {
      hookId,
      receivedAt,
      method: request.method,
      query: url.search.replace(/^\?/, '').slice(0, MAX_BODY_BYTES),
      body: (read.ok ? read.body : read.partial) || null,
      contentType: request.headers.get('content-type')?.slice(0, 200) ?? null,
      headers: pickLoggedHeaders(request.headers),
      sourceAddress: getSourceAddress(request.headers, getEnvironment().TRUSTED_PROXY_HOPS),
    };

    const reject = async (status: RefusalStatus, code: string, message: string) => {
      await recordRejectedDelivery({ delivery, errorCode: code, reason: message });
      return refusal(status, code, message);
    };

    if (!read.ok) {
      return reject(
        413,
        'body_too_large',
        `The body is over ${MAX_BODY_BYTES / 1024} KiB; notifications are far smaller. Send only the notification fields.`,
      );
    }
    const networks = parseAllowedNetworks(hook.allowedNetworks);
    if (!isAddressAllowed(delivery.sourceAddress, networks)) {
      return reject(
        403,
        'source_not_allowed',
        `Deliveries from ${delivery.sourceAddress ?? 'an unknown address'} are not allowed for this hook. Add the sender's network on the Setup page.`,
      );
    }
    let webhookId: string | null = null;
    if (hook.signingSecret) {
      // The signature covers the body only, so a signed notification is read from the body alone: a query string
      // (or a GET, which has no body) could be changed or replayed by anyone who saw one signed delivery.
      if (request.method !== 'POST' || url.search !== '') {
        return reject(
          400,
          'signed_hook_requires_body',
          'This hook requires signed deliveries, and signed hooks take the notification in the body only: send a ' +
            'POST with the fields as JSON (or a form) and no query string, signed as Standard Webhooks describes.',
        );
      }
      const verdict = verifyStandardWebhookSignature({
        secret: hook.signingSecret,
        headers: request.headers,
        body: read.body,
      });
      if (!verdict.ok) return reject(401, 'invalid_signature', verdict.message);
      webhookId = verdict.webhookId;
    }

    const parsed = inSpanSync('webhook.parse', () =>
      parseNotification({
        method: request.method,
        query: delivery.query,
        body: read.body,
        contentType: delivery.contentType,
      }),
    );
    if (!parsed.ok) return reject(parsed.status, parsed.code, parsed.message);
    seen.action = parsed.notification.action;

    const ingest = await inSpan('webhook.store', {}, () =>
      ingestAndFollowUp({ delivery, notification: parsed.notification, webhookId }),
    );
    if (ingest.refusal) return refusal(409, ingest.refusal.code, ingest.refusal.message);
    return {
      status: 200,
      body: { ok: true, envelopeId: parsed.notification.envelopeId, duplicate: ingest.duplicate },
      ingest,
    };
  } catch (error) {
    // Whatever failed here is ours, not the sender's: 503 makes it retry later.
    console.error('Webhook delivery could not be stored:', error);
    return refusal(
      503,
      'temporarily_unavailable',
      'The notification could not be stored right now. It is safe to retry; the sender retries automatically.',
    );
  }
}
