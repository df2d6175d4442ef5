import 'server-only';
import { getEnvironment } from '@/app/lib/env';
import { getActiveHook } from '@/app/lib/hooks/hook-cache';
import { pickLoggedHeaders, type DeliveryRecord } from './delivery-record';
import { ingestAndFollowUp } from './ingest-and-follow-up';
import type { IngestResult } from './ingest-notification';
import { parseNotification } from './parse-notification';
import { readBodyWithLimit } from './read-body-with-limit';
import { recordRejectedDelivery } from './record-rejected-delivery';
import { getSourceAddress } from './source-address';
import { isAddressAllowed } from './source-network';
import { countUnknownHookRequest } from './unknown-hook-counter';
import { verifyStandardWebhookSignature } from './verify-signature';

export const MAX_BODY_BYTES = 64 * 1024;

export type WebhookAnswer =
  | { status: 200; body: { ok: true; envelopeId: string; duplicate: boolean }; ingest: IngestResult }
  | { status: 400 | 401 | 403 | 404 | 413 | 415 | 503; body: { error: { code: string; message: string } } };

function refusal(status: Exclude<WebhookAnswer['status'], 200>, code: string, message: string): WebhookAnswer {
  return { status, body: { error: { code, message } } };
}

/**
 * Everything between an HTTP request to /api/webhooks/<hookId> and its answer: hook, size,
 * network and signature checks, parsing, then storing. Nothing slow runs here; work that follows
 * a stored notification (document downloads) is the caller's to schedule after answering.
 */
export async function receiveWebhook(options: { hookId: string; request: Request }): Promise<WebhookAnswer> {
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

    const reject = async (status: Exclude<WebhookAnswer['status'], 200>, code: string, message: string) => {
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
    const networks = hook.allowedNetworks as string[];
    if (!isAddressAllowed(delivery.sourceAddress, networks)) {
      return reject(
        403,
        'source_not_allowed',
        `Deliveries from ${delivery.sourceAddress ?? 'an unknown address'} are not allowed for this hook. Add the sender's network on the Setup page.`,
      );
    }
    if (hook.signingSecret) {
      const verdict = verifyStandardWebhookSignature({
        secret: hook.signingSecret,
        headers: request.headers,
        body: read.body,
      });
      if (!verdict.ok) return reject(401, 'invalid_signature', verdict.message);
    }

    const parsed = parseNotification({
      method: request.method,
      query: delivery.query,
      body: read.body,
      contentType: delivery.contentType,
    });
    if (!parsed.ok) return reject(parsed.status, parsed.code, parsed.message);

    const ingest = await ingestAndFollowUp({ delivery, notification: parsed.notification });
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
