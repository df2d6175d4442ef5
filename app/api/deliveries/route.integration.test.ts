import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { prisma } from '@/app/lib/db/prisma';
import { purgeOldDeliveries } from '@/app/lib/deliveries/purge-old-deliveries';
import { updateHook } from '@/app/lib/hooks/update-hook';
import {
  createTestHook,
  deliveriesOf,
  getEnvelopeRow,
  sendWebhook,
  uniqueEnvelopeId,
  waitForNextMillisecond,
} from '@/app/testing/webhook-test-helpers';
import { GET as listDeliveries } from './route';
import { POST as replay } from './[id]/replay/route';

async function replayDelivery(id: string) {
  const response = await replay(new Request('http://localhost', { method: 'POST' }), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, body: await response.json() };
}

describe('the delivery log', () => {
  it("lists a hook's deliveries with outcome and reason, filtered by outcome", async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepOpened` });
    await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepOpened` });
    await sendWebhook(hook.id, { query: 'action=workstepOpened', headers: { authorization: 'Bearer secret-token' } });

    const all = await (await listDeliveries(new NextRequest(`http://localhost/api/deliveries?hook=${hook.id}`))).json();
    expect(all.items.map((item: { outcome: string }) => item.outcome)).toEqual(['rejected', 'duplicate', 'accepted']);
    expect(all.items[0]).toMatchObject({
      errorCode: 'missing_envelope_id',
      method: 'GET',
      query: 'action=workstepOpened',
    });
    expect(JSON.stringify(all.items[0].headers)).not.toContain('secret-token');

    await sendWebhook('unknown-hook-for-counting-000000', { query: 'envelopeId=u1&action=workstepOpened' });
    const counted = await (await listDeliveries(new NextRequest('http://localhost/api/deliveries'))).json();
    expect(counted.unknownHookRequests.count).toBeGreaterThanOrEqual(1);

    const rejected = await (
      await listDeliveries(new NextRequest(`http://localhost/api/deliveries?hook=${hook.id}&outcome=rejected`))
    ).json();
    expect(rejected.items).toHaveLength(1);
  });

  it('replays a delivery idempotently', async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepFinished&recipientOrder=1` });
    const [original] = await deliveriesOf(hook.id);

    const first = await replayDelivery(original!.id);
    const second = await replayDelivery(original!.id);
    expect(first).toMatchObject({ status: 200, body: { ok: true, envelopeId: id, duplicate: true } });
    expect(second.body.duplicate).toBe(true);
    const envelope = await getEnvelopeRow(id);
    expect(envelope?.events).toHaveLength(1);
    expect(envelope?.signedCount).toBe(1);
    const replays = await prisma.delivery.findMany({ where: { replayOfId: original!.id } });
    expect(replays).toHaveLength(2);
  });

  it('logs a replay as received now, first in the list, marked with its original, and keeps the event time', async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepOpened&recipientOrder=1` });
    const [original] = await deliveriesOf(hook.id);
    // An hour old, with a newer delivery after it: the replay must still come first.
    const originalAt = new Date(Date.now() - 3_600_000);
    await prisma.delivery.update({ where: { id: original!.id }, data: { receivedAt: originalAt } });
    await prisma.event.updateMany({ where: { envelopeId: id }, data: { occurredAt: originalAt } });
    await sendWebhook(hook.id, { query: `envelopeId=${uniqueEnvelopeId()}&action=workstepOpened` });
    // Deliveries of the same millisecond have no order between them: the replay comes a millisecond later.
    await waitForNextMillisecond();

    const before = Date.now();
    const replayed = await replayDelivery(original!.id);
    expect(replayed).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });

    const listed = await (
      await listDeliveries(new NextRequest(`http://localhost/api/deliveries?hook=${hook.id}`))
    ).json();
    expect(listed.items).toHaveLength(3);
    const [first] = listed.items;
    expect(first).toMatchObject({
      id: replayed.body.deliveryId,
      replayOfId: original!.id,
      replayOfReceivedAt: originalAt.toISOString(),
    });
    expect(Date.parse(first.receivedAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(listed.items[2]).toMatchObject({ id: original!.id, receivedAt: originalAt.toISOString(), replayOfId: null });
    // The notification keeps its own time: the envelope's event is where it was.
    const envelope = await getEnvelopeRow(id);
    expect(envelope?.events.map((event) => event.occurredAt.toISOString())).toEqual([originalAt.toISOString()]);
  });

  it('logs a replay refused again as received now too, and names the copy in the error answer', async () => {
    const open = await createTestHook();
    await sendWebhook(open.id, { query: 'action=workstepOpened' });
    const [invalid] = await deliveriesOf(open.id);
    await prisma.delivery.update({ where: { id: invalid!.id }, data: { receivedAt: new Date(Date.now() - 60_000) } });
    const result = await replayDelivery(invalid!.id);
    expect(result.status).toBe(422);
    const listed = await (
      await listDeliveries(new NextRequest(`http://localhost/api/deliveries?hook=${open.id}`))
    ).json();
    expect(listed.items[0]).toMatchObject({ id: result.body.deliveryId, replayOfId: invalid!.id });
  });

  it('replays a notification that was lost to an outage and stores it then', async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    // A delivery logged but never processed, as after a failure between logging and storing.
    const logged = await prisma.delivery.create({
      data: {
        hookId: hook.id,
        receivedAt: new Date(),
        method: 'GET',
        query: `envelopeId=${id}&action=workstepOpened`,
        headers: {},
        outcome: 'rejected',
        errorCode: 'temporarily_unavailable',
        reason: 'outage',
      },
    });
    const result = await replayDelivery(logged.id);
    expect(result.body).toMatchObject({ ok: true, duplicate: false });
    expect((await getEnvelopeRow(id))?.status).toBe('opened');
  });

  it("refuses to replay what the hook's protection refused, and reports a still-invalid notification", async () => {
    const hook = await createTestHook();
    await updateHook({ hookId: hook.id, changes: { signingSecret: 'generate' } });
    await sendWebhook(hook.id, { query: `envelopeId=${uniqueEnvelopeId()}&action=workstepOpened` });
    const [unsigned] = await deliveriesOf(hook.id);
    expect((await replayDelivery(unsigned!.id)).status).toBe(409);

    const open = await createTestHook();
    await sendWebhook(open.id, { query: 'action=workstepOpened' });
    const [invalid] = await deliveriesOf(open.id);
    const result = await replayDelivery(invalid!.id);
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('missing_envelope_id');
    expect((await replayDelivery('no-such-delivery')).status).toBe(404);
  });

  it('purges deliveries older than the retention period and keeps the events', async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepOpened` });
    const removed = await purgeOldDeliveries({ retentionDays: 90, now: new Date(Date.now() + 91 * 86_400_000) });
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await deliveriesOf(hook.id)).toHaveLength(0);
    expect((await getEnvelopeRow(id))?.events).toHaveLength(1);
  });
});
