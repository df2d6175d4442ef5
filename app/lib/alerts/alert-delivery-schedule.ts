// When an alert message that failed is tried again. A mail server or Slack outage delays alerts; it loses none
// within two days of retries.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The waits after the 1st, 2nd, … failed attempt; after the last one the message is marked failed. */
export const ALERT_RETRY_DELAYS_MS = [
  1 * MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  1 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
];

export const MAX_ALERT_ATTEMPTS = ALERT_RETRY_DELAYS_MS.length + 1;

/** How long a claimed message is this instance's: a slow mail server's timeouts and room to record the outcome. */
export const ALERT_LEASE_MS = 2 * MINUTE;

/** When to try again after `attempts` failed attempts; null when the message has had them all. */
export function nextAlertAttemptAfterFailure(attempts: number, failedAt: Date): Date | null {
  const delay = ALERT_RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
