import { uuidV7 } from '@/app/lib/db/sql-values';
import { buildNotificationRequest, type SimulationStyle } from '@/app/lib/sandbox/build-notification-request';
import { createSeededRandom } from '@/app/lib/sandbox/create-seeded-random';
import { parseNotification } from '@/app/lib/webhooks/parse-notification';
import type { DeliveryRecord } from '@/app/lib/webhooks/delivery-record';
import { BENCH_HOOK_IDS, type GeneratedBatch, type GeneratedEvent } from './generate-envelopes';

// The delivery log as the receiver would have written it for the generated events: each event came in as one
// accepted request, a few requests were a sender's retry (duplicate) or were refused. The log keeps
// DELIVERY_RETENTION_DAYS (the app's default), so only events that recent have their request still logged.

export const DELIVERY_RETENTION_DAYS = 90;

const DAY_MS = 86_400_000;
/** Of the events: how many a sender delivered a second time (a retry after a timeout), answered as duplicate. */
const DUPLICATE_SHARE = 0.025;
/** Of the events: how many were also sent once in a way the receiver refused. */
const REJECTED_SHARE = 0.015;
/** Of the refusals: how many came to the wrong hook (the rest are callback templates sent unfilled). */
const WRONG_HOOK_SHARE = 0.6;

// Per hook: how its sender calls (eSignAnyWhere with a GET and the query string, FintechOS posting its JSON context)
// and the addresses it calls from (documentation ranges).
const SENDERS: { style: SimulationStyle; addresses: string[] }[] = [
  { style: 'esignanywhere', addresses: ['198.51.100.21', '198.51.100.22'] },
  { style: 'fintechos', addresses: ['203.0.113.40'] },
  { style: 'esignanywhere', addresses: ['198.51.100.21', '198.51.100.22', '198.51.100.23'] },
];
const HOOK_URL_BASE = 'https://tracker.example/api/webhooks/';
// A template left unfilled, as it arrives: "#" would start a URL's fragment, so senders encode it.
const UNFILLED_TEMPLATE = new URLSearchParams({
  envelopeId: '##EnvelopeId##',
  action: '##Action##',
  recipientEmail: '##RecipientEmail##',
  recipientOrder: '##RecipientOrder##',
}).toString();

export type DeliveryOutcome = 'accepted' | 'duplicate' | 'rejected';

/** A row of the delivery log as the receiver writes it (app/lib/webhooks/delivery-record.ts), with its outcome. */
export type GeneratedDelivery = Omit<DeliveryRecord, 'sourceAddress' | 'replayOfId'> & {
  id: string;
  sourceAddress: string;
  outcome: DeliveryOutcome;
  reason: string | null;
  errorCode: string | null;
  envelopeId: string | null;
  action: string | null;
};

type LoggedRequest = Pick<GeneratedDelivery, 'method' | 'query' | 'body' | 'contentType' | 'headers'>;

/**
 * The delivery rows of a batch's events, and for each event (same order as batch.events) the id of the delivery that
 * stored it, or null when its request is past retention. `seed` makes the same batch give the same rows (ids aside:
 * UUIDv7 carry random bits, as the app's do). `everyOutcome` makes the batch's first recent event come with a retry
 * and a refusal too, so even a tiny fill has rows of each outcome for the scenarios to find.
 */
export function generateDeliveries(options: { batch: GeneratedBatch; now: Date; seed: number; everyOutcome: boolean }) {
  const random = createSeededRandom(options.seed);
  const oldestKept = options.now.getTime() - DELIVERY_RETENTION_DAYS * DAY_MS;
  const hookIndexOf = new Map(
    options.batch.envelopes.map((envelope) => [envelope.id, BENCH_HOOK_IDS.indexOf(envelope.hookId)]),
  );
  const deliveries: GeneratedDelivery[] = [];
  let forceEveryOutcome = options.everyOutcome;
  const deliveryIdOfEvent = options.batch.events.map((event) => {
    if (event.occurredAt.getTime() < oldestKept) return null;
    const forced = forceEveryOutcome;
    forceEveryOutcome = false;
    const hookIndex = hookIndexOf.get(event.envelopeId)!;
    const sender = SENDERS[hookIndex]!;
    const request = loggedRequest(event, sender.style, BENCH_HOOK_IDS[hookIndex]!);
    const accepted = delivery({ event, hookIndex, request, receivedAt: event.occurredAt, random });
    deliveries.push(accepted);
    if (random() < DUPLICATE_SHARE || forced) {
      const retriedAt = laterBy(event.occurredAt, 30_000 + random() * 270_000, options.now);
      deliveries.push({
        ...delivery({ event, hookIndex, request, receivedAt: retriedAt, random }),
        outcome: 'duplicate',
      });
    }
    if (random() < REJECTED_SHARE || forced) {
      const refusedAt = laterBy(event.occurredAt, random() * 60_000, options.now);
      deliveries.push(
        random() < WRONG_HOOK_SHARE || forced
          ? wrongHookDelivery({ event, hookIndex, receivedAt: refusedAt, random })
          : unfilledTemplateDelivery({ event, hookIndex, receivedAt: refusedAt, random }),
      );
    }
    return accepted.id;
  });
  return { deliveries, deliveryIdOfEvent };
}

function delivery(options: {
  event: GeneratedEvent;
  hookIndex: number;
  request: LoggedRequest;
  receivedAt: Date;
  random: () => number;
}): GeneratedDelivery {
  const { addresses } = SENDERS[options.hookIndex]!;
  return {
    ...options.request,
    id: uuidV7(options.receivedAt.getTime()),
    hookId: BENCH_HOOK_IDS[options.hookIndex]!,
    receivedAt: options.receivedAt,
    sourceAddress: addresses[Math.floor(options.random() * addresses.length)]!,
    outcome: 'accepted',
    reason: null,
    errorCode: null,
    envelopeId: options.event.envelopeId,
    action: options.event.action,
  };
}

/** The request as the sandbox's senders make it, logged as the receiver logs it (query without "?"). */
function loggedRequest(event: GeneratedEvent, style: SimulationStyle, hookId: string): LoggedRequest {
  const request = buildNotificationRequest({
    style,
    hookUrl: `${HOOK_URL_BASE}${hookId}`,
    notification: {
      envelopeId: event.envelopeId,
      action: event.action,
      recipientEmail: event.recipientEmail,
      recipientOrder: event.recipientOrder,
      isFinishCallback: event.isFinishCallback,
    },
    customValues: event.customValues,
  });
  return {
    method: request.method,
    query: new URL(request.url).search.replace(/^\?/, ''),
    body: request.body,
    contentType: request.headers['content-type'] ?? null,
    headers: request.headers,
  };
}

/**
 * The notification sent to another hook than the one that first reported its envelope: refused after parsing, so
 * the row names the envelope and action (as apply-notifications.ts words it).
 */
function wrongHookDelivery(options: {
  event: GeneratedEvent;
  hookIndex: number;
  receivedAt: Date;
  random: () => number;
}): GeneratedDelivery {
  const otherHook = (options.hookIndex + 1) % BENCH_HOOK_IDS.length;
  const request = loggedRequest(options.event, SENDERS[otherHook]!.style, BENCH_HOOK_IDS[otherHook]!);
  return {
    ...delivery({ ...options, hookIndex: otherHook, request }),
    outcome: 'rejected',
    errorCode: 'envelope_belongs_to_another_hook',
    reason:
      `The envelope ${options.event.envelopeId} was first reported through another hook, which owns it: ` +
      'notifications for it are taken from that hook only. Send them to the hook URL its sign request was created with.',
  };
}

/**
 * A callback URL template the sender left unfilled: the receiver refuses it while parsing, before it knows an
 * envelope, so the row has no envelope id or action (as receive-webhook.ts logs it).
 */
function unfilledTemplateDelivery(options: {
  event: GeneratedEvent;
  hookIndex: number;
  receivedAt: Date;
  random: () => number;
}): GeneratedDelivery {
  const request: LoggedRequest = {
    method: 'GET',
    query: UNFILLED_TEMPLATE,
    body: null,
    contentType: null,
    headers: {},
  };
  const parsed = parseNotification(request);
  if (parsed.ok) throw new Error('An unfilled callback template was expected to be refused.');
  return {
    ...delivery({ ...options, request }),
    outcome: 'rejected',
    errorCode: parsed.code,
    reason: parsed.message,
    envelopeId: null,
    action: null,
  };
}

function laterBy(time: Date, ms: number, notAfter: Date): Date {
  return new Date(Math.min(time.getTime() + Math.floor(ms), notAfter.getTime()));
}
