import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { prisma } from '@/app/lib/db/prisma';
import { setWaitingOn } from '@/app/testing/set-waiting-on';
import { envelopePageSchema } from '@/app/lib/envelopes/envelope-list-schema';
import { noEnvelopesPerStatus } from '@/app/testing/no-envelopes-per-status';
import {
  createTestHook,
  sendWebhook,
  uniqueEnvelopeId,
  waitForNextMillisecond,
} from '@/app/testing/webhook-test-helpers';
import { GET as listEnvelopes } from './route';
import { GET as getEnvelope } from './[id]/route';

async function list(query: string) {
  const response = await listEnvelopes(new NextRequest(`http://localhost/api/envelopes?${query}`));
  return { status: response.status, body: await response.json() };
}

async function seedEnvelopes(count: number, extra: (index: number) => string = () => '') {
  const hook = await createTestHook();
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    await waitForNextMillisecond();
    const id = uniqueEnvelopeId();
    ids.push(id);
    await sendWebhook(hook.id, { query: `envelopeId=${id}&action=workstepOpened&recipientOrder=1${extra(index)}` });
  }
  return { hook, ids };
}

describe('GET /api/envelopes', () => {
  it("pages through a hook's envelopes, newest activity first, without gaps or repeats", async () => {
    const { hook, ids } = await seedEnvelopes(7);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const { body } = await list(`hook=${hook.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((item: { id: string }) => item.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by status and searches recipient e-mail and custom values', async () => {
    const { hook, ids } = await seedEnvelopes(
      3,
      (index) => `&recipientEmail=person${index}@Example.com&contract=K-${index}9`,
    );
    await sendWebhook(hook.id, { query: `envelopeId=${ids[1]}&action=envelopeFinished&FTOSIsFinishCallback=1` });

    const completed = await list(`hook=${hook.id}&status=completed`);
    expect(completed.body.items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);

    const byEmail = await list(`hook=${hook.id}&q=PERSON2@example`);
    expect(byEmail.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2]]);

    const byCustomValue = await list(`hook=${hook.id}&q=k-09`);
    expect(byCustomValue.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(byCustomValue.body.items[0].customValues).toEqual({ contract: 'K-09' });
  });

  it('answers what the live home page parses, with the counts per status when asked, never from a cache', async () => {
    const { hook } = await seedEnvelopes(2);
    const response = await listEnvelopes(new NextRequest(`http://localhost/api/envelopes?hook=${hook.id}&counts=true`));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = envelopePageSchema.parse(await response.json());
    expect(page.items.map((item) => item.documentStatus)).toEqual(['none', 'none']);
    expect(page.statusCounts).toEqual({ ...noEnvelopesPerStatus(), opened: 2 });
  });

  it('sorts by deadline and sent both ways, unknown times last, paging with the cursor it answers', async () => {
    const { hook, ids } = await seedEnvelopes(4);
    const times = [
      { expiresAt: new Date('2025-07-03T00:00:00Z'), sentAt: null },
      { expiresAt: null, sentAt: new Date('2025-06-01T00:00:00Z') },
      { expiresAt: new Date('2025-07-01T00:00:00Z'), sentAt: new Date('2025-06-02T00:00:00Z') },
      { expiresAt: new Date('2025-07-02T00:00:00Z'), sentAt: new Date('2025-06-03T00:00:00Z') },
    ];
    for (const [index, data] of times.entries()) await prisma.envelope.update({ where: { id: ids[index] }, data });
    async function walk(query: string) {
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 10; page++) {
        const { status, body } = await list(`hook=${hook.id}&limit=1&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(status).toBe(200);
        seen.push(...envelopePageSchema.parse(body).items.map((item) => item.id));
        if (!body.nextCursor) return seen;
        cursor = body.nextCursor;
      }
      throw new Error('more pages than expected');
    }
    expect(await walk('sort=deadline&dir=asc')).toEqual([ids[2], ids[3], ids[0], ids[1]]);
    expect(await walk('sort=deadline&dir=desc')).toEqual([ids[0], ids[3], ids[2], ids[1]]);
    expect(await walk('sort=sent&dir=desc')).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await walk('sort=sent&dir=asc')).toEqual([ids[1], ids[2], ids[3], ids[0]]);
    expect(await walk('sort=activity&dir=asc')).toEqual(ids);
    expect(await walk('sort=status')).toEqual([...ids].reverse());
  });

  it('answers name, waitingOn, expiresAt, sentAt and isTest, and filters by them, tests left out unless asked', async () => {
    const { hook, ids } = await seedEnvelopes(3, (index) => `&contract=C-${index}`);
    const soon = new Date(Date.now() + 2 * 24 * 3_600_000);
    const since = new Date('2025-03-01T09:00:00.000Z');
    await prisma.envelope.update({
      where: { id: ids[0] },
      data: { name: 'Lease 7', expiresAt: soon },
    });
    await setWaitingOn(ids[0]!, { email: 'dan@example.com', since });
    await prisma.envelope.update({ where: { id: ids[2] }, data: { isTest: true } });

    const all = envelopePageSchema.parse((await list(`hook=${hook.id}&counts=true`)).body);
    expect(all.items.map((item) => item.id)).toEqual([ids[1], ids[0]]);
    expect(all.statusCounts).toEqual({ ...noEnvelopesPerStatus(), opened: 2 });
    expect(all.items[1]).toMatchObject({
      name: 'Lease 7',
      expiresAt: soon.toISOString(),
      sentAt: null,
      isTest: false,
      waitingOn: { name: null, email: 'dan@example.com', since: since.toISOString() },
    });
    expect(all.items[0]).toMatchObject({ name: 'C-1', waitingOn: null, expiresAt: null });

    const withTests = envelopePageSchema.parse((await list(`hook=${hook.id}&tests=include&counts=true`)).body);
    expect(withTests.items.map((item) => [item.id, item.isTest])).toEqual([
      [ids[2], true],
      [ids[1], false],
      [ids[0], false],
    ]);
    expect(withTests.statusCounts).toMatchObject({ opened: 3 });

    const expiring = (await list(`hook=${hook.id}&expiringWithin=3&counts=true`)).body;
    expect(expiring.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(expiring.statusCounts.opened).toBe(1);
    const waiting = (await list(`hook=${hook.id}&waitingOn=DAN@`)).body;
    expect(waiting.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    await prisma.envelope.update({
      where: { id: ids[1] },
      data: { lastEventAt: new Date(Date.now() - 4 * 86_400_000) },
    });
    const quiet = (await list(`hook=${hook.id}&quietFor=3&counts=true`)).body;
    expect(quiet.items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);
    expect(quiet.statusCounts.opened).toBe(1);
    expect((await list('expiringWithin=0')).status).toBe(400);
    expect((await list('quietFor=soon')).body.error).toMatchObject({
      code: 'invalid_query',
      message: 'quietFor: must be a whole number of days',
    });
    expect((await list('tests=all')).status).toBe(400);
    expect((await list('sort=size')).body.error.message).toMatch(/^sort: /);
  });

  it('refuses a bad status or cursor with the error shape', async () => {
    const badStatus = await list('status=done');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error).toMatchObject({ code: 'invalid_query', message: expect.stringContaining('status') });
    expect((await list('cursor=garbage')).body.error.code).toBe('invalid_query');
  });
});

describe('GET /api/envelopes/<id>', () => {
  it('returns the envelope with recipients and events oldest first, with duplicate counts', async () => {
    const hook = await createTestHook();
    const id = uniqueEnvelopeId();
    const steps = ['sendSignNotification', 'workstepOpened', 'workstepOpened', 'workstepFinished'];
    for (const action of steps)
      await sendWebhook(hook.id, {
        query: `envelopeId=${id}&action=${action}&recipientOrder=1&recipientEmail=a@b.example`,
      });

    const response = await getEnvelope(new Request('http://localhost'), { params: Promise.resolve({ id }) });
    const envelope = await response.json();
    expect(envelope).toMatchObject({ id, status: 'partially_signed', actionRequired: false, signedCount: 1 });
    expect(
      envelope.events.map((event: { action: string; duplicateCount: number }) => [event.action, event.duplicateCount]),
    ).toEqual([
      ['sendSignNotification', 0],
      ['workstepOpened', 1],
      ['workstepFinished', 0],
    ]);
    expect(envelope.recipients).toEqual([expect.objectContaining({ order: 1, email: 'a@b.example', openCount: 1 })]);
  });

  it('answers 404 with the error shape for an unknown id', async () => {
    const response = await getEnvelope(new Request('http://localhost'), {
      params: Promise.resolve({ id: 'never-seen' }),
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});
