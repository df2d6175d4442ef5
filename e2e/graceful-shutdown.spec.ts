import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Sqlite from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { freePort, killAppServer, startAppServer } from './support/app-server';

// SIGTERM in the middle of a burst (a rolling update): every notification answered 200 is stored, the webhooks out
// being sent finish, no lease is left held, and the server ends by itself, saying so.
const HOOK_ID = 'shutdown-test-hook-0123456789abcd';
const BURST = 400;
const CONCURRENCY = 16;
const SIGNAL_AFTER_ANSWERS = 120;

test('a SIGTERM mid-burst answers what is in flight, loses nothing and leaves no lease held', async () => {
  test.setTimeout(120_000);
  // A customer's endpoint that takes its time: webhooks out are mid-send when the signal comes.
  const receiver = http.createServer((request, response) => {
    request.resume();
    setTimeout(() => response.writeHead(204).end(), 1_500);
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const databaseFile = `data/e2e-shutdown/shutdown-${Date.now()}.db`;
  const server = await startAppServer(
    { DATABASE_URL: `file:./${databaseFile}`, WEBHOOK_HOOK_IDS: HOOK_ID },
    await freePort(),
  );
  try {
    const subscribed = await fetch(`${server.baseUrl}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiverUrl }),
    });
    expect(subscribed.status).toBe(201);

    const acknowledged: string[] = [];
    let answers = 0;
    let next = 0;
    const send = async (): Promise<void> => {
      while (next < BURST) {
        const index = next++;
        const envelopeId = `shutdown-${index}`;
        const response = await fetch(
          `${server.baseUrl}/api/webhooks/${HOOK_ID}?envelopeId=${envelopeId}&action=sendSignNotification&recipientOrder=1`,
        ).catch(() => null);
        if (!response) return; // the server stopped taking connections
        answers += 1;
        if (response.status === 200) acknowledged.push(envelopeId);
        if (answers === SIGNAL_AFTER_ANSWERS) killAppServer(server, 'SIGTERM');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, send));
    expect(acknowledged.length).toBeGreaterThanOrEqual(SIGNAL_AFTER_ANSWERS - CONCURRENCY);
    expect(acknowledged.length).toBeLessThan(BURST); // the signal really came mid-burst

    // npm goes at once; next-server answers what is in flight, finishes its rounds and says when it is done.
    await expect
      .poll(() => server.output().includes('shut down: requests answered, background work finished, leases released'), {
        timeout: 30_000,
      })
      .toBe(true);
    expect(server.output()).toContain('shutting down: answering the requests in flight');
    await expect
      .poll(() =>
        fetch(`${server.baseUrl}/api/health/live`).then(
          () => 'up',
          () => 'down',
        ),
      )
      .toBe('down');

    const database = new Sqlite(databaseFile, { readonly: true });
    try {
      const stored = new Set(
        (database.prepare('SELECT "id" FROM "Envelope"').all() as { id: string }[]).map((row) => row.id),
      );
      expect(acknowledged.filter((envelopeId) => !stored.has(envelopeId))).toEqual([]);
      const held = (table: string) =>
        (
          database.prepare(`SELECT count(*) AS held FROM "${table}" WHERE "leaseOwner" IS NOT NULL`).get() as {
            held: number;
          }
        ).held;
      expect({ subscriptions: held('SubscriptionDelivery'), documents: held('DocumentFetch') }).toEqual({
        subscriptions: 0,
        documents: 0,
      });
      // Webhooks out were being sent when the signal came: some were delivered.
      const delivered = database
        .prepare(`SELECT count(*) AS count FROM "SubscriptionDelivery" WHERE "status" = 'delivered'`)
        .get() as {
        count: number;
      };
      expect(delivered.count).toBeGreaterThan(0);
    } finally {
      database.close();
    }
  } finally {
    killAppServer(server, 'SIGKILL');
    receiver.close();
  }
});
