import type { NotificationRequest } from './build-notification-request';

export type DeliveryAnswer = { status: number; body: unknown };

/** Sends one notification over HTTP and reads the answer; network failures and timeouts throw. */
export async function deliverNotification(
  request: NotificationRequest,
  options: { timeoutMs?: number } = {},
): Promise<DeliveryAnswer> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body ?? undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A receiver other than this app may answer with plain text; it is kept as it came.
  }
  return { status: response.status, body };
}
