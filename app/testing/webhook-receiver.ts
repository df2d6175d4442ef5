import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type ReceivedWebhook = {
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** Which of the keys given verified it. */
  verifiedWith: string[];
  status: number;
};

/**
 * A receiving endpoint on 127.0.0.1 that verifies every request with the `standardwebhooks` library, as a customer's
 * system would, and answers what `answer` says (200 unless told).
 */
export async function startWebhookReceiver(options: {
  secrets: () => string[];
  answer?: (webhookId: string, type: string) => number;
  /**
   * The receiver's clock, against which the library checks the signed timestamp (5 minutes either way): a test that
   * moves the sender's clock moves this one with it.
   */
  now?: () => Date;
}) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(request.headers[name])]),
      );
      const verifiedWith = options.secrets().filter((secret) =>
        verifyAt(options.now?.() ?? new Date(), () => {
          try {
            new Webhook(secret).verify(body, headers);
            return true;
          } catch {
            return false;
          }
        }),
      );
      const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      const status = verifiedWith.length === 0 ? 401 : (options.answer?.(headers['webhook-id']!, parsed.type) ?? 200);
      received.push({ id: headers['webhook-id']!, type: parsed.type, data: parsed.data, verifiedWith, status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `refused with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs `check` with Date.now() reading `at`: the library reads the time there. */
function verifyAt(at: Date, check: () => boolean): boolean {
  const realNow = Date.now;
  Date.now = () => at.getTime();
  try {
    return check();
  } finally {
    Date.now = realNow;
  }
}
