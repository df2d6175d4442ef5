import type { DeliveryAnswer } from '@/app/lib/sandbox/deliver-notification';
import type { NotificationRequest } from '@/app/lib/sandbox/build-notification-request';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';

/**
 * A notification sender for tests: hands the request to the real /api/webhooks/<hookId> route
 * handler, as Next.js would after reading it off the socket (peer address 127.0.0.1).
 */
export async function sendToWebhookRoute(request: NotificationRequest): Promise<DeliveryAnswer> {
  const route = await import('@/app/api/webhooks/[hookId]/route');
  const url = new URL(request.url);
  const hookId = decodeURIComponent(url.pathname.split('/').at(-1)!);
  const headers = new Headers(request.headers);
  headers.set(PEER_ADDRESS_HEADER, '127.0.0.1');
  const handler = request.method === 'GET' ? route.GET : route.POST;
  const response = await handler(
    new Request(url, { method: request.method, headers, body: request.body ?? undefined }),
    {
      params: Promise.resolve({ hookId }),
    },
  );
  return { status: response.status, body: await response.json().catch(() => null) };
}
