// When a subscription's failed request is tried again, and when a subscription that only fails is switched off.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The waits after the 1st, 2nd, … failed attempt; after the last one the event is marked failed. */
export const RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

/** Every attempt an event gets: the first and one per retry. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** A subscription whose every attempt failed for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * HOUR;

/** An answer must arrive within this; a 2xx in time delivers the event. */
export const DELIVERY_TIMEOUT_MS = 10 * SECOND;

/** How long a claimed job is this instance's: the request's timeout and room to record its outcome. */
export const DELIVERY_LEASE_MS = DELIVERY_TIMEOUT_MS + 20 * SECOND;

/** How long the previous key keeps signing after a rotation. */
export const SECRET_OVERLAP_MS = 24 * HOUR;

/** When to try again after `attempts` failed attempts; null when the event has had all its attempts. */
export function nextAttemptAfterFailure(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
