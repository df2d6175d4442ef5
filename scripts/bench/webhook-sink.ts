import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOPBACK_HOST } from './bench-server';

// A receiving endpoint for the bench's subscription: answers 204 at once and counts what arrives, so the bench can
// tell how fast the server delivers its events. It does not verify signatures (the tests do): it stands for a fast
// receiver, not for the cost of one.

export type WebhookSink = {
  url: string;
  /** Requests received so far, and when the first and the latest arrived. */
  received(): { count: number; firstAt: number | null; lastAt: number | null };
  close(): Promise<void>;
};

export async function startWebhookSink(): Promise<WebhookSink> {
  let count = 0;
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count += 1;
      lastAt = performance.now();
      firstAt ??= lastAt;
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK_HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK_HOST}:${port}/events`,
    received: () => ({ count, firstAt, lastAt }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * What the sink received for a load that ran from `loadStartedAt` to `loadEndedAt` (performance.now() times), once the
 * backlog is sent (the sink has had `expectedTotal()` requests in all, or nothing came for `limitMs`): how many events,
 * at what rate from the start of the load to the last one, and how long after the load the last one came.
 */
export async function measureDeliveries(
  sink: WebhookSink,
  load: { countBefore: number; loadStartedAt: number; loadEndedAt: number },
  options: { expectedTotal: () => Promise<number>; limitMs: number },
) {
  await waitForCount(sink, await options.expectedTotal(), options.limitMs);
  const { count, lastAt } = sink.received();
  const delivered = count - load.countBefore;
  const seconds = lastAt === null ? 0 : (lastAt - load.loadStartedAt) / 1000;
  return {
    delivered,
    perSecond: seconds > 0 ? delivered / seconds : 0,
    drainSeconds: lastAt === null ? 0 : Math.max(0, (lastAt - load.loadEndedAt) / 1000),
  };
}

/** Waits until the sink has received `total` requests in all; gives up when nothing new came for `limitMs`. */
export async function waitForCount(sink: WebhookSink, total: number, limitMs: number) {
  let seen = sink.received().count;
  let quietSince = performance.now();
  while (sink.received().count < total && performance.now() - quietSince < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = sink.received().count;
    if (now !== seen) {
      seen = now;
      quietSince = performance.now();
    }
  }
}
