import { z } from 'zod';

// What the subscriptions API answers, checked in the browser: a proxy or a server updated under an open tab may
// answer something else, and requestJson then says so instead of the page breaking.

/** The API's list of subscriptions, polled by every card. */
export const SUBSCRIPTIONS_API_URL = '/api/subscriptions';

/** How many of a subscription's latest attempts its card lists. */
export const ATTEMPTS_SHOWN = 20;

/** The API address of one subscription. */
export function subscriptionApiUrl(id: string): string {
  return `${SUBSCRIPTIONS_API_URL}/${encodeURIComponent(id)}`;
}

export function attemptsApiUrl(id: string): string {
  return `${subscriptionApiUrl(id)}/attempts?limit=${ATTEMPTS_SHOWN}`;
}

export const subscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  types: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: z.string(),
  enabled: z.boolean(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  failingSince: z.string().nullable(),
  previousSecretUntil: z.string().nullable(),
  deliveries: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionListSchema = z.object({ items: z.array(subscriptionSchema) });

/** The answer to a create: the subscription and its signing key, which is never shown again. */
export const createdSubscriptionSchema = subscriptionSchema.extend({ secret: z.string() });

export const rotatedSecretSchema = z.object({ secret: z.string(), previousSecretUntil: z.string() });

export const attemptSchema = z.object({
  id: z.number(),
  eventId: z.string(),
  eventType: z.string(),
  attemptedAt: z.string(),
  durationMs: z.number(),
  statusCode: z.number().nullable(),
  ok: z.boolean(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const attemptListSchema = z.object({ items: z.array(attemptSchema) });

export const testResultSchema = z.object({
  eventId: z.string(),
  ok: z.boolean(),
  statusCode: z.number().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const resendAnswerSchema = z.object({ queued: z.number() });

/**
 * The type of the events "Send test event" makes. They are not in the change feed, so they cannot be resent: the
 * button sends a new one instead.
 */
export const TEST_EVENT_TYPE = 'subscription.test';
