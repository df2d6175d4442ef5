import { afterAll, describe, expect, inject, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { sqlJson } from '@/app/lib/db/sql-values';
import { listDeliveriesQuerySchema } from '@/app/lib/deliveries/delivery-schemas';
import { listDeliveries } from '@/app/lib/deliveries/list-deliveries';
import { replayDelivery } from '@/app/lib/deliveries/replay-delivery';
import { listEnvelopesQuerySchema } from '@/app/lib/envelopes/envelope-schemas';
import { listEnvelopes } from '@/app/lib/envelopes/list-envelopes';
import { forgetCachedHook } from '@/app/lib/hooks/hook-cache';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { presentHook } from '@/app/lib/hooks/present-hook';
import { startSandboxSimulation } from '@/app/lib/sandbox/start-sandbox-simulation';
import { createTestHook, deliveriesOf, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';

// Rows whose JSON columns hold what the app never writes, put there with raw SQL as a hand edit, another tool or the
// benchmark's filler would: every reader must answer as it does for a well-formed row, never fail.

const provider = inject('databaseProvider');
const MALFORMED = [{}, null, 'x', [1, 2]];
const createdHooks: string[] = [];

afterAll(async () => {
  // Other test files share the database; their simulations pick hooks from the whole list.
  await prisma.hook.deleteMany({ where: { id: { in: createdHooks } } });
});

async function hookStoring(allowedNetworks: unknown) {
  const hook = await createTestHook(`stored ${JSON.stringify(allowedNetworks)}`);
  createdHooks.push(hook.id);
  await prisma.$executeRaw`
    UPDATE "Hook" SET "allowedNetworks" = ${sqlJson(provider, allowedNetworks)} WHERE "id" = ${hook.id}`;
  forgetCachedHook(hook.id);
  return hook;
}

function openedNotification(envelopeId = uniqueEnvelopeId()) {
  return { query: { envelopeId, action: 'workstepOpened', recipientOrder: '1' } };
}

describe(`Hook.allowedNetworks not a list of strings, on ${provider}`, () => {
  it.each(MALFORMED)('%j: the Setup page lists the hook, showing no networks', async (stored) => {
    const hook = await hookStoring(stored);
    // What app/setup/page.tsx renders.
    const hooks = await listHooks().then((rows) => rows.map(presentHook));
    expect(hooks.find((presented) => presented.id === hook.id)).toMatchObject({ id: hook.id, allowedNetworks: [] });
  });

  it.each(MALFORMED)('%j: the webhook route refuses every sender, as for a hook open to no network', async (stored) => {
    const hook = await hookStoring(stored);
    for (const sourceAddress of ['127.0.0.1', '10.1.2.3', '2001:db8::1']) {
      const response = await sendWebhook(hook.id, { ...openedNotification(), sourceAddress });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('source_not_allowed');
    }
    const deliveries = await deliveriesOf(hook.id);
    expect(deliveries.map((delivery) => [delivery.outcome, delivery.errorCode])).toEqual(
      Array(3).fill(['rejected', 'source_not_allowed']),
    );
  });

  it.each(MALFORMED)('%j: a simulation refuses the hook, as it takes no delivery from loopback', async (stored) => {
    const hook = await hookStoring(stored);
    const refused = await startSandboxSimulation({ appBaseUrl: 'http://127.0.0.1:9', hookId: hook.id });
    expect(refused).toMatchObject({ ok: false, status: 409, code: 'hook_refuses_loopback' });
  });

  it('reads a list written with raw SQL like one the app wrote: [] lets everyone in, a range only its senders', async () => {
    const open = await hookStoring([]);
    expect((await sendWebhook(open.id, { ...openedNotification(), sourceAddress: '203.0.113.9' })).status).toBe(200);
    const fenced = await hookStoring(['10.0.0.0/8']);
    expect((await sendWebhook(fenced.id, { ...openedNotification(), sourceAddress: '10.1.2.3' })).status).toBe(200);
    expect((await sendWebhook(fenced.id, { ...openedNotification(), sourceAddress: '127.0.0.1' })).status).toBe(403);
    const hooks = await listHooks().then((rows) => rows.map(presentHook));
    expect(hooks.find((presented) => presented.id === fenced.id)?.allowedNetworks).toEqual(['10.0.0.0/8']);
  });
});

describe(`Delivery.headers and Envelope.customValues not objects of strings, on ${provider}`, () => {
  it('lists and replays a delivery, reading its headers as the string entries it has, or none', async () => {
    const hook = await hookStoring([]);
    const stored = [null, 'x', [1, 2], { 'content-type': 'text/plain', 'x-count': 1 }];
    for (const headers of stored) {
      expect((await sendWebhook(hook.id, openedNotification())).status).toBe(200);
      const [delivery] = await prisma.delivery.findMany({
        where: { hookId: hook.id },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        take: 1,
      });
      await prisma.$executeRaw`
        UPDATE "Delivery" SET "headers" = ${sqlJson(provider, headers)} WHERE "id" = ${delivery!.id}`;
      const replayed = await replayDelivery({ deliveryId: delivery!.id });
      expect(replayed).toMatchObject({ ok: true, duplicate: true });
    }
    const listed = await listDeliveries(listDeliveriesQuerySchema.parse({ hook: hook.id }));
    const originals = listed.items.filter((item) => item.replayOfId === null).reverse();
    expect(originals.map((item) => item.headers)).toEqual([{}, {}, {}, { 'content-type': 'text/plain' }]);
  });

  it('lists an envelope, reading its custom values as the string entries they have, or none', async () => {
    const hook = await hookStoring([]);
    const envelopeId = uniqueEnvelopeId();
    const sent = await sendWebhook(hook.id, { query: { ...openedNotification(envelopeId).query, contract: 'C-1' } });
    expect(sent.status).toBe(200);
    const list = async () => (await listEnvelopes(listEnvelopesQuerySchema.parse({ hook: hook.id }))).items;
    expect((await list()).map((item) => item.customValues)).toEqual([{ contract: 'C-1' }]);
    for (const [stored, read] of [
      [null, {}],
      ['x', {}],
      [[1, 2], {}],
      [{ contract: 'C-1', amount: 5 }, { contract: 'C-1' }],
    ] as const) {
      await prisma.$executeRaw`
        UPDATE "Envelope" SET "customValues" = ${sqlJson(provider, stored)} WHERE "id" = ${envelopeId}`;
      expect((await list()).map((item) => item.customValues)).toEqual([read]);
    }
  });
});
