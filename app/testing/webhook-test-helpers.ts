import { randomUUID } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import { createHook } from '@/app/lib/hooks/create-hook';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';

/** Test data that belongs to one test only, so tests run in any order and in parallel. */
export async function createTestHook(name = 'test hook') {
  return createHook({ name, origin: 'cli' });
}

export function uniqueEnvelopeId(): string {
  return randomUUID();
}

export function fintechosBody(data: Record<string, string>) {
  // The automation-context wrapper FintechOS posts, as on its documentation page.
  return JSON.stringify({
    UserId: '4afdc8a9-eb91-4359-81d6-c3a462fae866',
    Ids: null,
    Id: '00000000-0000-0000-0000-000000000000',
    PropertyBag: {},
    Data: data,
    Fetch: null,
    MergedValues: {},
  });
}

type SendOptions = {
  method?: string;
  query?: string | Record<string, string>;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  sourceAddress?: string;
};

/** Calls the real route handler of /api/webhooks/<hookId>, as Next.js would. */
export async function sendWebhook(hookId: string, options: SendOptions = {}) {
  const route = await import('@/app/api/webhooks/[hookId]/route');
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const query = typeof options.query === 'string' ? options.query : new URLSearchParams(options.query ?? {}).toString();
  const headers = new Headers(options.headers);
  if (options.contentType) headers.set('content-type', options.contentType);
  headers.set(PEER_ADDRESS_HEADER, options.sourceAddress ?? '127.0.0.1');
  const request = new Request(`http://localhost/api/webhooks/${hookId}${query ? `?${query}` : ''}`, {
    method,
    headers,
    body: options.body,
  });
  const handler = route[method as keyof typeof route] as (r: Request, c: unknown) => Promise<Response>;
  const response = await handler(request, { params: Promise.resolve({ hookId }) });
  const retryAfter = response.headers.get('retry-after');
  return {
    status: response.status,
    body: await response.json().catch(() => null),
    ...(retryAfter === null ? {} : { retryAfter }),
  };
}

export function getEnvelopeRow(id: string) {
  return prisma.envelope.findUnique({
    where: { id },
    // Recipients in a fixed order: PostgreSQL returns updated rows in no particular one.
    include: { events: { orderBy: { id: 'asc' } }, recipients: { orderBy: { id: 'asc' } } },
  });
}

export function deliveriesOf(hookId: string) {
  return prisma.delivery.findMany({ where: { hookId }, orderBy: { receivedAt: 'asc' } });
}

/**
 * Waits until the clock has moved on, so that notifications sent one after another get distinct times: the receiver
 * stores a notification in well under a millisecond, and tests of "newest first" need one answer.
 */
export async function waitForNextMillisecond(): Promise<void> {
  const now = Date.now();
  while (Date.now() === now) await new Promise((resolve) => setTimeout(resolve, 1));
}
