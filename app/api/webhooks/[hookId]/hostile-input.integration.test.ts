import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { cachedHookCount } from '@/app/lib/hooks/hook-cache';
import { updateHook } from '@/app/lib/hooks/update-hook';
import {
  createTestHook,
  deliveriesOf,
  getEnvelopeRow,
  sendWebhook,
  uniqueEnvelopeId,
} from '@/app/testing/webhook-test-helpers';
import { signStandardWebhook } from '@/app/lib/hooks/signing-secret';

// Whoever holds a hook URL is untrusted: each test here is a finding of issue 10, tried as an attacker or a real
// sender would, through the real route handler and database.

const json = 'application/json';

async function signedHook() {
  const hook = await createTestHook('signed');
  const updated = await updateHook({ hookId: hook.id, changes: { signingSecret: 'generate' } });
  return { hook, secret: updated!.signingSecret! };
}

function sign(secret: string, body: string, webhookId = `msg_${crypto.randomUUID()}`) {
  return signStandardWebhook({ secret, webhookId, timestamp: new Date(), body });
}

describe('a signed hook reads the notification from its signed body alone', () => {
  it('refuses a query string added to a signed POST, changing nothing', async () => {
    const { hook, secret } = await signedHook();
    const envelopeId = uniqueEnvelopeId();
    const body = JSON.stringify({ envelopeId, action: 'workstepOpened', recipientOrder: 1 });
    const headers = sign(secret, body);
    expect((await sendWebhook(hook.id, { body, contentType: json, headers })).status).toBe(200);

    const replayed = await sendWebhook(hook.id, {
      body,
      contentType: json,
      headers,
      query: 'action=envelopeFinished&FTOSIsFinishCallback=1',
    });
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.code).toBe('signed_hook_requires_body');
    expect(replayed.body.error.message).toContain('POST');
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope).toMatchObject({ status: 'opened', finishCallbackAt: null });
    expect(envelope?.events).toHaveLength(1);
  });

  it('refuses signed headers reused on a GET, and on another envelope', async () => {
    const { hook, secret } = await signedHook();
    const envelopeId = uniqueEnvelopeId();
    const body = JSON.stringify({ envelopeId, action: 'workstepOpened' });
    const headers = sign(secret, body);
    await sendWebhook(hook.id, { body, contentType: json, headers });

    const other = uniqueEnvelopeId();
    const get = await sendWebhook(hook.id, {
      method: 'GET',
      query: `envelopeId=${other}&action=workstepRejected`,
      headers,
    });
    expect(get.status).toBe(400);
    expect(get.body.error.code).toBe('signed_hook_requires_body');
    const emptyGet = await sendWebhook(hook.id, { method: 'GET', headers: sign(secret, '') });
    expect(emptyGet.status).toBe(400);

    const otherBody = JSON.stringify({ envelopeId: other, action: 'workstepRejected' });
    const moved = await sendWebhook(hook.id, { body: otherBody, contentType: json, headers });
    expect(moved.status).toBe(401);
    expect(await getEnvelopeRow(other)).toBeNull();
    const refused = (await deliveriesOf(hook.id)).filter((delivery) => delivery.outcome === 'rejected');
    expect(refused.map((delivery) => delivery.errorCode).sort()).toEqual([
      'invalid_signature',
      'signed_hook_requires_body',
      'signed_hook_requires_body',
    ]);
  });

  it('answers a webhook-id seen before as a duplicate without processing it again', async () => {
    const { hook, secret } = await signedHook();
    const envelopeId = uniqueEnvelopeId();
    // Repeatable actions, an hour apart: processed twice, each would be a new event.
    const first = JSON.stringify({ envelopeId, action: 'workstepOpened', recipientOrder: 1 });
    const headers = sign(secret, first, 'msg_once');
    const answers = [];
    for (let copy = 0; copy < 3; copy++)
      answers.push(await sendWebhook(hook.id, { body: first, contentType: json, headers }));
    expect(answers.map((answer) => [answer.status, answer.body.duplicate])).toEqual([
      [200, false],
      [200, true],
      [200, true],
    ]);
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.events).toHaveLength(1);
    expect(envelope?.events[0]?.duplicateCount).toBe(0);
    const logged = await deliveriesOf(hook.id);
    expect(logged.map((delivery) => [delivery.outcome, delivery.webhookId])).toEqual([
      ['accepted', 'msg_once'],
      ['duplicate', null],
      ['duplicate', null],
    ]);
  });

  it('refuses the same webhook-id at once when both copies arrive together', async () => {
    const { hook, secret } = await signedHook();
    const envelopeId = uniqueEnvelopeId();
    const body = JSON.stringify({ envelopeId, action: 'someUnknownAction' });
    const headers = sign(secret, body, 'msg_concurrent');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => sendWebhook(hook.id, { body, contentType: json, headers })),
    );
    expect(answers.filter((answer) => answer.status === 200 && answer.body.duplicate === false)).toHaveLength(1);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect((await getEnvelopeRow(envelopeId))?.events).toHaveLength(1);
  });
});

describe('an envelope belongs to the hook that first reported it', () => {
  it('refuses a change through another hook with 409, logs why, and changes nothing', async () => {
    const owner = await createTestHook('owner');
    await updateHook({ hookId: owner.id, changes: { allowedNetworks: ['10.20.0.0/16'] } });
    const envelopeId = uniqueEnvelopeId();
    const created = await sendWebhook(owner.id, {
      query: `envelopeId=${envelopeId}&action=workstepOpened&recipientOrder=1&contract=K-1`,
      sourceAddress: '10.20.0.5',
    });
    expect(created.status).toBe(200);
    const before = await getEnvelopeRow(envelopeId);

    const intruder = await createTestHook('open hook');
    const forged = await sendWebhook(intruder.id, {
      query: `envelopeId=${envelopeId}&action=workstepRejected&recipientOrder=1&contract=FORGED`,
    });
    expect(forged.status).toBe(409);
    expect(forged.body.error.code).toBe('envelope_belongs_to_another_hook');
    expect(await getEnvelopeRow(envelopeId)).toEqual(before);
    const [logged] = await deliveriesOf(intruder.id);
    expect(logged).toMatchObject({
      outcome: 'rejected',
      errorCode: 'envelope_belongs_to_another_hook',
      envelopeId,
      reason: forged.body.error.message,
    });
  });
});

describe('the callback URLs real eSignAnyWhere integrations configure', () => {
  it("takes Namirial's sample finish callback ?envelope=##EnvelopeId## as the finish callback", async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const answer = await sendWebhook(hook.id, { query: `envelope=${envelopeId}` });
    expect(answer).toMatchObject({ status: 200, body: { ok: true, envelopeId } });
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope).toMatchObject({ status: 'completed' });
    expect(envelope?.events[0]).toMatchObject({ action: 'finishCallback', isFinishCallback: true });
  });

  it('takes ?envelope=##EnvelopeId##&action=##Action## with the integration’s own parameters', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const answer = await sendWebhook(hook.id, {
      query: `envelope=${envelopeId}&action=workstepOpened&recipientEmail=jane%40example.com&orderRef=PO-77`,
    });
    expect(answer.status).toBe(200);
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({ status: 'opened', customValues: { orderRef: 'PO-77' } });
  });

  it('takes a finish callback with no action (?envelopeId=…&myParam=1234)', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    expect((await sendWebhook(hook.id, { query: `envelopeId=${envelopeId}&myParam=1234` })).status).toBe(200);
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({
      status: 'completed',
      customValues: { myParam: '1234' },
    });
  });

  it('takes a status callback with its own parameters and an unfilled placeholder among them', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const answer = await sendWebhook(hook.id, {
      query: `crm=42&draft=%23%23DraftId%23%23&envelopeId=${envelopeId}&action=workstepFinished&recipientOrder=1`,
    });
    expect(answer.status).toBe(200);
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({
      status: 'partially_signed',
      customValues: { crm: '42', draft: '##DraftId##' },
    });
  });

  it('takes the status template as a finish callback when ##Action## and the recipient are left unfilled', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const answer = await sendWebhook(hook.id, {
      query: `envelopeId=${envelopeId}&action=%23%23Action%23%23&recipientEmail=%23%23RecipientEmail%23%23&recipientOrder=%23%23RecipientOrder%23%23`,
    });
    expect(answer.status).toBe(200);
    expect(await getEnvelopeRow(envelopeId)).toMatchObject({ status: 'completed', recipientCount: 0 });
    expect((await deliveriesOf(hook.id))[0]?.notice).toContain('action held the unreplaced placeholder');
  });

  it("stores a workstep event callback with its event type as the action, keeping the sender's time", async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const opened = await sendWebhook(hook.id, {
      query:
        `EnvelopeId=${envelopeId}&WorkstepId=ws-1&EventType=WorkstepOpened&Source=Web&Time=2026-11-30T10%3A11%3A12Z` +
        '&Description=Opened&RecipientEmail=jane%40example.com&RecipientOrder=1',
    });
    const viewed = await sendWebhook(hook.id, {
      query: `envelopeId=${envelopeId}&EventType=PageViewed&WorkstepId=ws-1&Time=2026-11-30T10%3A12%3A00Z`,
    });
    expect([opened.status, viewed.status]).toEqual([200, 200]);
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.status).toBe('opened');
    expect(envelope?.customValues).toEqual({});
    expect(envelope?.events.map((event) => [event.action, event.details])).toEqual([
      [
        'workstepOpened',
        {
          eventType: 'WorkstepOpened',
          workstepId: 'ws-1',
          source: 'Web',
          time: '2026-11-30T10:11:12Z',
          description: 'Opened',
        },
      ],
      [
        'PageViewed',
        { eventType: 'PageViewed', workstepId: 'ws-1', source: null, time: '2026-11-30T10:12:00Z', description: null },
      ],
    ]);
  });
});

describe('limits that keep one envelope bounded', () => {
  it('stores a notification beyond the limits with 200, drops the excess and logs what and why', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    for (let round = 0; round < 4; round++) {
      const fields = Object.fromEntries(
        Array.from({ length: 30 }, (_, index) => [`r${round}k${index}`, `${round}`.repeat(2000)]),
      );
      const answer = await sendWebhook(hook.id, {
        body: JSON.stringify({ envelopeId, action: `probe${round}`, ...fields }),
        contentType: json,
      });
      expect(answer.status).toBe(200);
    }
    const envelope = await getEnvelopeRow(envelopeId);
    const values = Object.entries(envelope!.customValues as Record<string, string>);
    expect(values.length).toBeLessThanOrEqual(50);
    expect(values.reduce((sum, [key, value]) => sum + key.length + value.length, 0)).toBeLessThanOrEqual(16_384);
    expect(envelope!.searchText.length).toBeLessThanOrEqual(8_192);
    const notices = (await deliveriesOf(hook.id)).map((delivery) => delivery.notice);
    expect(notices.at(-1)).toContain('not kept: an envelope keeps at most 50 custom values');
  });
});

describe('floods', () => {
  it('answers a flood of unknown hook ids with 404 without growing the hook cache', async () => {
    const before = cachedHookCount();
    const tooLong = Array.from({ length: 500 }, (_, index) => `${index}-${'x'.repeat(15_000)}`);
    for (const hookId of tooLong) expect((await sendWebhook(hookId, { query: 'envelopeId=e1' })).status).toBe(404);
    expect(cachedHookCount()).toBe(before);

    const wellFormed = Array.from({ length: 2_500 }, (_, index) => `unknownhook${String(index).padStart(10, '0')}`);
    for (const hookId of wellFormed) await sendWebhook(hookId, { query: 'envelopeId=e1' });
    expect(cachedHookCount()).toBeLessThanOrEqual(2_000);
  });

  it("answers 429 with Retry-After beyond a hook's own rate limit, storing nothing for them", async () => {
    const hook = await createTestHook();
    await updateHook({ hookId: hook.id, changes: { rateLimitPerSecond: 1 } });
    const answers = [];
    for (let index = 0; index < 15; index++) {
      answers.push(await sendWebhook(hook.id, { query: `envelopeId=${uniqueEnvelopeId()}&action=workstepOpened` }));
    }
    const limited = answers.filter((answer) => answer.status === 429);
    // A burst of ten seconds' worth, then the limit.
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(10);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(limited[0]?.body.error.code).toBe('rate_limited');
    expect(limited[0]?.retryAfter).toMatch(/^[1-9][0-9]*$/);
    expect(await prisma.delivery.count({ where: { hookId: hook.id } })).toBe(15 - limited.length);
  });
});
