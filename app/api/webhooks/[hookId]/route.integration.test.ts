import { afterEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { revokeHook } from '@/app/lib/hooks/revoke-hook';
import { updateHook } from '@/app/lib/hooks/update-hook';
import {
  createTestHook,
  deliveriesOf,
  fintechosBody,
  getEnvelopeRow,
  sendWebhook,
  uniqueEnvelopeId,
} from '@/app/testing/webhook-test-helpers';
import { fintechosStatusExample } from '@/app/testing/fintechos-examples';
import { signStandardWebhook } from '@/app/lib/hooks/signing-secret';

afterEach(() => {
  vi.useRealTimers();
});

const json = 'application/json';

describe('the FintechOS examples, verbatim', () => {
  it('store the "opened" notification with its custom values and mark the envelope opened', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const body = fintechosStatusExample(envelopeId);
    const response = await sendWebhook(hook.id, { body, contentType: json });
    expect(response).toEqual({ status: 200, body: { ok: true, envelopeId, duplicate: false } });

    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.status).toBe('opened');
    expect(envelope?.customValues).toEqual({ test: '12345', asdf: 'abc' });
    expect(envelope?.events).toHaveLength(1);
    expect(envelope?.events[0]).toMatchObject({ action: 'workstepOpened', recipientEmail: null, recipientOrder: null });
  });

  it('complete the envelope on the finish callback (FTOSIsFinishCallback=1)', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const data = { test: '12345', asdf: 'abc', envelopeId, recipientEmail: '', recipientOrder: '' };
    await sendWebhook(hook.id, { body: fintechosBody({ ...data, action: 'workstepOpened' }), contentType: json });
    const response = await sendWebhook(hook.id, {
      body: fintechosBody({ ...data, action: 'envelopeFinished', FTOSIsFinishCallback: '1' }),
      contentType: json,
    });
    expect(response.body).toEqual({ ok: true, envelopeId, duplicate: false });
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.status).toBe('completed');
    expect(envelope?.finishedAt).not.toBeNull();
    expect(envelope?.events.map((event) => [event.action, event.isFinishCallback])).toEqual([
      ['workstepOpened', false],
      ['envelopeFinished', true],
    ]);
  });
});

describe('other ways senders deliver', () => {
  it('accept the eSignAnyWhere GET form with everything in the query string', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const response = await sendWebhook(hook.id, {
      query: `contract=C-77&EnvelopeId=${envelopeId}&ACTION=workstepFinished&recipientEmail=ana@example.com&recipientOrder=1`,
    });
    expect(response.status).toBe(200);
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope).toMatchObject({ status: 'partially_signed', signedCount: 1, recipientCount: 1 });
    expect(envelope?.customValues).toEqual({ contract: 'C-77' });
    expect(envelope?.recipients[0]).toMatchObject({ email: 'ana@example.com', recipientOrder: 1 });
  });

  it('store NUL characters and lone surrogates as U+FFFD instead of failing every retry', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const fromQuery = await sendWebhook(hook.id, {
      query: `envelopeId=${envelopeId}&action=workstepOpened&recipientOrder=1&note=a%00b`,
    });
    expect(fromQuery.status).toBe(200);
    const fromJson = await sendWebhook(hook.id, {
      method: 'POST',
      contentType: 'application/json',
      body: `{"envelopeId":"${envelopeId}","action":"workstepFinished","recipientOrder":"1","other":"c\\u0000d\\ud800"}`,
    });
    expect(fromJson.status).toBe(200);
    const fromForm = await sendWebhook(hook.id, {
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      body: `envelopeId=${envelopeId}&action=sendSignNotification&recipientOrder=2&raw=e\u0000f`,
    });
    expect(fromForm.status).toBe(200);
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.customValues).toEqual({ note: 'a\uFFFDb', other: 'c\uFFFDd\uFFFD', raw: 'e\uFFFDf' });
  });

  it('accept form-encoded and flat JSON bodies, merged with the query string', async () => {
    const hook = await createTestHook();
    const first = uniqueEnvelopeId();
    const second = uniqueEnvelopeId();
    const form = await sendWebhook(hook.id, {
      query: 'source=query',
      body: `envelopeId=${first}&action=sendSignNotification&recipientOrder=2`,
      contentType: 'application/x-www-form-urlencoded',
    });
    const flat = await sendWebhook(hook.id, {
      query: `envelopeId=${second}`,
      body: JSON.stringify({ action: 'workstepOpened', recipientOrder: 1 }),
      contentType: json,
    });
    expect([form.status, flat.status]).toEqual([200, 200]);
    expect((await getEnvelopeRow(first))?.customValues).toEqual({ source: 'query' });
    expect((await getEnvelopeRow(second))?.status).toBe('opened');
  });
});

describe('refused notifications', () => {
  const cases: [string, Parameters<typeof sendWebhook>[1], number, string][] = [
    ['a missing envelopeId', { query: 'action=workstepOpened' }, 400, 'missing_envelope_id'],
    [
      'an unreplaced placeholder',
      { query: 'envelopeId=%23%23EnvelopeId%23%23&action=%23%23Action%23%23' },
      400,
      'unreplaced_placeholder',
    ],
    [
      'an unreplaced placeholder in a FintechOS body',
      { body: fintechosBody({ envelopeId: '##EnvelopeId##', action: 'workstepOpened' }), contentType: json },
      400,
      'unreplaced_placeholder',
    ],
    [
      'an envelopeId over 128 characters',
      { query: `envelopeId=${'a'.repeat(129)}&action=workstepOpened` },
      400,
      'invalid_envelope_id',
    ],
    [
      'an envelopeId with unsafe characters',
      { query: 'envelopeId=../etc/passwd&action=workstepOpened' },
      400,
      'invalid_envelope_id',
    ],
    ['malformed JSON', { body: '{"Data": {"envelopeId": ', contentType: json }, 400, 'malformed_json'],
    [
      'a recipientOrder that is not a whole number',
      { query: 'envelopeId=e1&action=workstepOpened&recipientOrder=1.5' },
      400,
      'invalid_recipient_order',
    ],
    [
      'a recipientOrder beyond 10,000 (past what a PostgreSQL integer holds, too)',
      { query: 'envelopeId=e1&action=workstepOpened&recipientOrder=2147483648' },
      400,
      'invalid_recipient_order',
    ],
    ['the envelope id "."', { query: 'envelopeId=.&action=workstepOpened' }, 400, 'invalid_envelope_id'],
    ['the envelope id ".."', { query: 'envelopeId=..&action=workstepOpened' }, 400, 'invalid_envelope_id'],
  ];

  it.each(cases)(
    'answer %s with 400, an actionable message, a logged reason and no envelope',
    async (_name, request, status, code) => {
      const hook = await createTestHook();
      const response = await sendWebhook(hook.id, request);
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message.length).toBeGreaterThan(20);
      const [logged] = await deliveriesOf(hook.id);
      expect(logged).toMatchObject({ outcome: 'rejected', errorCode: code, reason: response.body.error.message });
      expect(await prisma.envelope.count({ where: { hookId: hook.id } })).toBe(0);
    },
  );

  it('answer 404 for unknown and revoked hooks, and store nothing for them', async () => {
    const unknown = await sendWebhook('no-such-hook-id-at-all-000000', {
      query: 'envelopeId=x1&action=workstepOpened',
    });
    expect(unknown.status).toBe(404);
    expect(await prisma.delivery.count({ where: { hookId: 'no-such-hook-id-at-all-000000' } })).toBe(0);

    const hook = await createTestHook();
    await revokeHook({ hookId: hook.id });
    const revoked = await sendWebhook(hook.id, { query: `envelopeId=${uniqueEnvelopeId()}&action=workstepOpened` });
    expect(revoked.status).toBe(404);
    expect(revoked.body.error.code).toBe('unknown_hook');
    expect(await deliveriesOf(hook.id)).toHaveLength(0);
  });

  it('answer 405 to other methods', async () => {
    const hook = await createTestHook();
    const response = await sendWebhook(hook.id, { method: 'PUT', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.body.error.code).toBe('method_not_allowed');
  });

  it('answer 413 to a body over 64 KiB and log it', async () => {
    const hook = await createTestHook();
    const response = await sendWebhook(hook.id, {
      body: JSON.stringify({ envelopeId: 'big-1', action: 'workstepOpened', padding: 'x'.repeat(70 * 1024) }),
      contentType: json,
    });
    expect(response.status).toBe(413);
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ outcome: 'rejected', errorCode: 'body_too_large' });
    expect(await prisma.envelope.findUnique({ where: { id: 'big-1' } })).toBeNull();
  });

  it('require a valid Standard Webhooks signature when the hook has a secret (401 otherwise)', async () => {
    const hook = await createTestHook();
    const updated = await updateHook({ hookId: hook.id, changes: { signingSecret: 'generate' } });
    const envelopeId = uniqueEnvelopeId();
    const body = JSON.stringify({ envelopeId, action: 'workstepOpened' });

    const unsigned = await sendWebhook(hook.id, { body, contentType: json });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.code).toBe('invalid_signature');

    const headers = signStandardWebhook({
      secret: updated!.signingSecret!,
      webhookId: 'msg_1',
      timestamp: new Date(),
      body,
    });
    const signed = await sendWebhook(hook.id, { body, contentType: json, headers });
    expect(signed.status).toBe(200);

    const tampered = await sendWebhook(hook.id, {
      body: body.replace('Opened', 'Finished'),
      contentType: json,
      headers,
    });
    expect(tampered.status).toBe(401);
    expect((await getEnvelopeRow(envelopeId))?.events).toHaveLength(1);
  });

  it('refuse sources outside the allowed networks with 403', async () => {
    const hook = await createTestHook();
    await updateHook({ hookId: hook.id, changes: { allowedNetworks: ['10.20.0.0/16'] } });
    const envelopeId = uniqueEnvelopeId();
    const outside = await sendWebhook(hook.id, {
      query: `envelopeId=${envelopeId}&action=workstepOpened`,
      sourceAddress: '192.0.2.7',
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('source_not_allowed');
    const inside = await sendWebhook(hook.id, {
      query: `envelopeId=${envelopeId}&action=workstepOpened`,
      sourceAddress: '::ffff:10.20.3.4',
    });
    expect(inside.status).toBe(200);
  });
});

describe('exactly once', () => {
  it('store one completion for 50 concurrent copies of the same finish callback', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const body = fintechosBody({
      envelopeId,
      action: 'envelopeFinished',
      FTOSIsFinishCallback: '1',
      recipientEmail: '',
      recipientOrder: '',
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => sendWebhook(hook.id, { body, contentType: json })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(responses.filter((response) => response.body.duplicate === false)).toHaveLength(1);

    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.status).toBe('completed');
    expect(envelope?.events).toHaveLength(1);
    expect(envelope?.events[0]?.duplicateCount).toBe(49);
    const outcomes = (await deliveriesOf(hook.id)).map((delivery) => delivery.outcome);
    expect(outcomes.filter((outcome) => outcome === 'accepted')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(49);
  });

  it('store concurrent notifications for many envelopes, each with its own history', async () => {
    const hook = await createTestHook();
    const ids = Array.from({ length: 10 }, () => uniqueEnvelopeId());
    const steps = ['sendSignNotification', 'workstepOpened', 'workstepFinished'];
    const responses = await Promise.all(
      ids.flatMap((id) =>
        steps.map((action) =>
          sendWebhook(hook.id, {
            query: `envelopeId=${id}&action=${action}&recipientOrder=1&recipientEmail=r@${id}.example&ref=${id}`,
          }),
        ),
      ),
    );
    expect(responses.every((response) => response.status === 200 && response.body.duplicate === false)).toBe(true);
    for (const id of ids) {
      const envelope = await getEnvelopeRow(id);
      expect(envelope).toMatchObject({
        status: 'partially_signed',
        recipientCount: 1,
        signedCount: 1,
        customValues: { ref: id },
      });
      expect(envelope?.events.map((event) => event.action).sort()).toEqual([...steps].sort());
      expect(envelope?.searchText).toContain(`r@${id}.example`);
    }
  });

  it('fold opens within 60 seconds into one event and count later ones as opened again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-06-01T10:00:00Z');
    vi.setSystemTime(start);
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const open = {
      query: `envelopeId=${envelopeId}&action=workstepOpened&recipientOrder=1&recipientEmail=b@example.com`,
    };

    expect((await sendWebhook(hook.id, open)).body.duplicate).toBe(false);
    vi.setSystemTime(new Date(start.getTime() + 30_000));
    expect((await sendWebhook(hook.id, open)).body.duplicate).toBe(true);
    vi.setSystemTime(new Date(start.getTime() + 5 * 60_000));
    expect((await sendWebhook(hook.id, open)).body.duplicate).toBe(false);

    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.events.map((event) => event.duplicateCount)).toEqual([1, 0]);
    expect(envelope?.recipients[0]).toMatchObject({ openCount: 2, firstOpenedAt: start });
  });

  it('store a recipient finishing once however often it is sent', async () => {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    const finished = { query: `envelopeId=${envelopeId}&action=workstepFinished&recipientOrder=1` };
    await sendWebhook(hook.id, finished);
    await sendWebhook(hook.id, finished);
    await sendWebhook(hook.id, finished);
    const envelope = await getEnvelopeRow(envelopeId);
    expect(envelope?.events).toHaveLength(1);
    expect(envelope?.signedCount).toBe(1);
  });
});

describe('status', () => {
  async function play(actions: string[]) {
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    for (const action of actions) {
      const [name, order] = action.split('#');
      const response = await sendWebhook(hook.id, {
        query: `envelopeId=${envelopeId}&action=${name}${order ? `&recipientOrder=${order}` : ''}`,
      });
      expect(response.status).toBe(200);
    }
    return (await getEnvelopeRow(envelopeId))!;
  }

  it('never moves backwards when notifications arrive out of order', async () => {
    const envelope = await play([
      'envelopeFinished',
      'workstepFinished#1',
      'workstepOpened#1',
      'sendSignNotification#1',
    ]);
    expect(envelope.status).toBe('completed');
    expect(envelope.events.map((event) => event.action)).toEqual([
      'envelopeFinished',
      'workstepFinished',
      'workstepOpened',
      'sendSignNotification',
    ]);
  });

  it('follows a normal life: sent, opened, partially signed, completed', async () => {
    const statuses: string[] = [];
    const hook = await createTestHook();
    const envelopeId = uniqueEnvelopeId();
    for (const query of [
      'sendSignNotification&recipientOrder=1',
      'workstepOpened&recipientOrder=1',
      'workstepFinished&recipientOrder=1',
      'envelopeFinished&FTOSIsFinishCallback=1',
    ]) {
      await sendWebhook(hook.id, { query: `envelopeId=${envelopeId}&action=${query}` });
      statuses.push((await getEnvelopeRow(envelopeId))!.status);
    }
    expect(statuses).toEqual(['sent', 'opened', 'partially_signed', 'completed']);
  });

  it('stays rejected when the finish callback follows a rejection', async () => {
    expect((await play(['workstepOpened#1', 'workstepRejected#1', 'envelopeFinished'])).status).toBe('rejected');
  });

  it('marks expiry, and flags the sender while a delegation needs action', async () => {
    const delegated = await play(['workstepOpened#1', 'workstepDelegatedSenderActionRequired#1']);
    expect(delegated.actionRequired).toBe(true);
    expect((await play(['workstepOpened#1', 'envelopeExpired'])).status).toBe('expired');
  });

  it('stores an unknown action as it came, answers 200 and changes no status', async () => {
    const envelope = await play(['workstepOpened#1', 'somethingNamirialAddedLater']);
    expect(envelope.status).toBe('opened');
    expect(envelope.events.map((event) => event.action)).toContain('somethingNamirialAddedLater');
  });
});

describe('the database being unavailable', () => {
  it('answers 503 so the sender retries, without a stack trace', async () => {
    const originalUrl = process.env.DATABASE_URL;
    vi.resetModules();
    delete (globalThis as { prisma?: unknown }).prisma;
    process.env.DATABASE_URL = originalUrl?.startsWith('file:')
      ? 'file:./package.json/unreachable.db'
      : 'postgresql://nobody:nothing@127.0.0.1:1/none';
    try {
      const { sendWebhook: send } = await import('@/app/testing/webhook-test-helpers');
      const response = await send('any-hook-id-that-is-long-enough', {
        query: 'envelopeId=e-503&action=workstepOpened',
      });
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('temporarily_unavailable');
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts|nothing@/);
    } finally {
      process.env.DATABASE_URL = originalUrl;
      vi.resetModules();
      delete (globalThis as { prisma?: unknown }).prisma;
    }
  });
});
