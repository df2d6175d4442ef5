import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import { prisma } from '@/app/lib/db/prisma';
import type { Job } from '@/app/lib/webhooks/apply-notifications';
import type { EnvelopeWriter } from '@/app/lib/webhooks/envelope-writer';
import { createPostgresqlEnvelopeWriter } from '@/app/lib/webhooks/postgresql-envelope-writer';
import { createSqliteEnvelopeWriter } from '@/app/lib/webhooks/sqlite-envelope-writer';
import { ingestJob } from '@/app/testing/ingest-job';
import { createTestHook, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { appendFeedEvents } from './append-feed-events';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor';
import type { FeedEventDraft } from './feed-event-data';
import { newFeedEventId } from './new-feed-event-id';

const provider = inject('databaseProvider');

type Page = {
  items: { id: string; type: string; timestamp: string; data: Record<string, unknown> }[];
  nextCursor: string;
};

async function readFeed(
  query: Record<string, string> = {},
): Promise<{ status: number; body: Page & { error?: { code: string; message: string } } }> {
  const route = await import('@/app/api/events/route');
  const { NextRequest } = await import('next/server');
  const response = await route.GET(new NextRequest(`http://localhost/api/events?${new URLSearchParams(query)}`));
  return { status: response.status, body: await response.json() };
}

/** Every event of the view after `after`, following the cursor page by page. */
async function followFeed(query: Record<string, string>, after?: string) {
  const items: Page['items'] = [];
  let cursor = after;
  for (let page = 0; page < 1_000; page++) {
    const { body } = await readFeed({ ...query, ...(cursor ? { after: cursor } : {}) });
    items.push(...body.items);
    expect(body.nextCursor).toEqual(expect.any(String));
    if (body.items.length === 0) return { items, cursor: body.nextCursor };
    cursor = body.nextCursor;
  }
  throw new Error('the feed never ended');
}

/** The newest position now: a starting point for a test's own reads. */
async function headCursor(): Promise<string> {
  const last = await prisma.feedEvent.findFirst({ orderBy: { position: 'desc' }, select: { position: true } });
  return encodeFeedCursor(last?.position ?? 0);
}

const notify = async (hookId: string, query: Record<string, string>) => {
  const response = await sendWebhook(hookId, { query });
  expect(response.status).toBe(200);
};

describe(`the change feed on ${provider}`, () => {
  it('records each change of an envelope once, as it happens, and nothing for a repeat or a duplicate', async () => {
    const hook = await createTestHook('Feed CRM hook');
    const envelopeId = uniqueEnvelopeId();
    const recipient = { recipientOrder: '1', recipientEmail: 'ana@example.com' };
    await notify(hook.id, { envelopeId, action: 'sendSignNotification', ...recipient, product: 'mortgage' });
    await notify(hook.id, { envelopeId, action: 'workstepOpened', ...recipient });
    // A second open, and the same open again: the recipient opened already; nothing new.
    await notify(hook.id, { envelopeId, action: 'workstepOpened', ...recipient });
    await notify(hook.id, { envelopeId, action: 'workstepFinished', ...recipient });
    await notify(hook.id, { envelopeId, action: 'workstepFinished', ...recipient });

    const { items } = await followFeed({ envelope: envelopeId, limit: '1' });
    expect(items.map((item) => item.type)).toEqual([
      'envelope.sent',
      'recipient.invited',
      'recipient.opened',
      'envelope.opened',
      'recipient.signed',
      // One signature of the recipients known so far: the finish callback tells when all signed.
      'envelope.partially_signed',
    ]);
    const signed = items[4]!;
    expect(signed.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(signed.data).toMatchObject({
      envelopeId,
      status: 'opened',
      previousStatus: null,
      confirmed: false,
      hook: 'Feed CRM hook',
      customValues: { product: 'mortgage' },
      recipient: { order: 1, email: 'ana@example.com', name: null },
      links: {
        dashboard: expect.stringMatching(new RegExp(`/envelopes/${envelopeId}$`)),
        api: expect.stringMatching(new RegExp(`/api/envelopes/${envelopeId}$`)),
      },
    });
    expect(items[3]!.data).toMatchObject({ status: 'opened', previousStatus: 'sent' });
    expect(items[5]!.data).toMatchObject({ status: 'partially_signed', previousStatus: 'opened', confirmed: false });
    // The hook is named, never given by its id (the id is the hook's secret).
    expect(JSON.stringify(items)).not.toContain(hook.id);
  });

  it('lists by type and envelope, and always answers a cursor to continue from', async () => {
    const hook = await createTestHook('Feed filters');
    const start = await headCursor();
    const [first, second] = [uniqueEnvelopeId(), uniqueEnvelopeId()];
    for (const envelopeId of [first, second]) {
      await notify(hook.id, {
        envelopeId,
        action: 'sendSignNotification',
        recipientOrder: '1',
        recipientEmail: 'a@example.com',
      });
    }
    const invited = await followFeed({ type: 'recipient.invited,envelope.canceled' }, start);
    expect(invited.items.filter((item) => [first, second].includes(item.data.envelopeId as string))).toHaveLength(2);
    expect(invited.items.every((item) => item.type === 'recipient.invited')).toBe(true);

    // Nothing new: the same place again.
    const empty = await readFeed({ after: invited.cursor, type: 'recipient.invited' });
    expect(empty.body).toEqual({ items: [], nextCursor: invited.cursor });
    // Without a cursor, from the oldest event kept.
    const oldest = await prisma.feedEvent.findFirst({ orderBy: { position: 'asc' } });
    expect((await readFeed({ limit: '1' })).body.items[0]?.id).toBe(oldest?.id);

    for (const [query, message] of [
      [{ after: 'not-a-cursor' }, /start again without it/],
      [{ type: 'envelope.signed' }, /envelope\.signed is not an event type/],
      [{ limit: '501' }, /limit/],
    ] as const) {
      const answer = await readFeed(query);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'invalid_query', message: expect.stringMatching(message) });
    }
  });

  it('never lets a reader skip an event whose transaction commits after a later one began (commits interleaved)', async () => {
    const hook = await createTestHook('Feed interleaving');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ events: fc.integer({ min: 1, max: 3 }), holdMs: fc.integer({ min: 0, max: 15 }) }), {
          minLength: 2,
          maxLength: 6,
        }),
        async (transactions) => {
          const start = await headCursor();
          const envelopeId = uniqueEnvelopeId();
          const written: string[] = [];
          // A reader follows the feed while the transactions run, at random moments between their statements.
          let writing = true;
          const seen: string[] = [];
          const reader = (async () => {
            let cursor = start;
            while (writing) {
              const page = await readFeed({ after: cursor, envelope: envelopeId });
              seen.push(...page.body.items.map((item) => item.id));
              cursor = page.body.nextCursor;
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
            const rest = await followFeed({ envelope: envelopeId }, cursor);
            seen.push(...rest.items.map((item) => item.id));
          })();
          await Promise.all(
            transactions.map((transaction) =>
              prisma.$transaction(
                async (tx) => {
                  const drafts = Array.from({ length: transaction.events }, () => draft(envelopeId, hook.id));
                  await appendFeedEvents(tx, drafts);
                  // Held open after its insert, so others begin (and would commit) meanwhile.
                  await new Promise((resolve) => setTimeout(resolve, transaction.holdMs));
                  written.push(...drafts.map((one) => one.id));
                },
                { timeout: 20_000, maxWait: 20_000 },
              ),
            ),
          );
          writing = false;
          await reader;
          const stored = await prisma.feedEvent.findMany({
            where: { envelopeId },
            orderBy: { position: 'asc' },
            select: { id: true },
          });
          // Each event once, in commit order, none skipped.
          expect(seen).toEqual(stored.map((row) => row.id));
          expect([...seen].sort()).toEqual([...written].sort());
        },
      ),
      { numRuns: provider === 'postgresql' ? 25 : 10 },
    );
  });

  it('gets every change exactly once, in commit order, while two app instances store the same notifications', async () => {
    const hook = await createTestHook('Feed two instances');
    const start = await headCursor();
    const envelopeIds = Array.from({ length: 10 }, () => uniqueEnvelopeId());
    const jobsOf = (envelopeId: string) => [
      ingestJob(hook.id, envelopeId, 'sendSignNotification', { recipientOrder: 1, recipientEmail: 'a@example.com' }),
      ingestJob(hook.id, envelopeId, 'workstepOpened', { recipientOrder: 1, recipientEmail: 'a@example.com' }),
      ingestJob(hook.id, envelopeId, 'workstepFinished', { recipientOrder: 1, recipientEmail: 'a@example.com' }),
      ingestJob(hook.id, envelopeId, 'workstepFinished', { recipientOrder: 2, recipientEmail: 'b@example.com' }),
    ];
    const instances = [createInstanceWriter('feed-a'), createInstanceWriter('feed-b')];
    let writing = true;
    const seen: Page['items'] = [];
    const reader = (async () => {
      let cursor = start;
      while (writing) {
        const page = await readFeed({ after: cursor });
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      }
      seen.push(...(await followFeed({}, cursor)).items);
    })();
    // Both instances get every notification (a sender retrying to another instance), one envelope per batch, at once.
    await Promise.all(
      instances.map((writer) =>
        Promise.all(envelopeIds.map((envelopeId) => storeRetrying(writer, jobsOf(envelopeId)))),
      ),
    );
    writing = false;
    await reader;

    const ours = seen.filter((item) => envelopeIds.includes(item.data.envelopeId as string));
    const stored = await prisma.feedEvent.findMany({
      where: { envelopeId: { in: envelopeIds } },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    expect(ours.map((item) => item.id)).toEqual(stored.map((row) => row.id));
    for (const envelopeId of envelopeIds) {
      expect(
        ours.filter((item) => item.data.envelopeId === envelopeId).map((item) => item.type),
        envelopeId,
      ).toEqual([
        'envelope.sent',
        'recipient.invited',
        'recipient.opened',
        'envelope.opened',
        'recipient.signed',
        'envelope.partially_signed',
        'recipient.signed',
      ]);
    }
  });

  it('keeps positions growing after old events are purged', async () => {
    const { purgeOldFeedEvents } = await import('./purge-old-feed-events');
    const hook = await createTestHook('Feed purge');
    const envelopeId = uniqueEnvelopeId();
    const old = { ...draft(envelopeId, hook.id), recordedAt: new Date('2020-01-01T00:00:00Z') };
    await prisma.$transaction((tx) => appendFeedEvents(tx, [old]));
    const before = await prisma.feedEvent.findUniqueOrThrow({ where: { id: old.id } });
    expect(await purgeOldFeedEvents({ retentionDays: 30 })).toBeGreaterThanOrEqual(1);
    expect(await prisma.feedEvent.findUnique({ where: { id: old.id } })).toBeNull();
    const next = draft(envelopeId, hook.id);
    await prisma.$transaction((tx) => appendFeedEvents(tx, [next]));
    const after = await prisma.feedEvent.findUniqueOrThrow({ where: { id: next.id } });
    expect(after.position).toBeGreaterThan(before.position);
    expect(decodeFeedCursor((await readFeed({ envelope: envelopeId })).body.nextCursor)).toBe(after.position);
  });
});

/** The envelope writer of another app instance: its own connection to the same database. */
function createInstanceWriter(name: string): EnvelopeWriter {
  const config = getDatabaseConfig();
  if (config.provider === 'sqlite') return createSqliteEnvelopeWriter(config.filePath);
  const url = new URL(config.connectionString);
  url.searchParams.set('application_name', name);
  return createPostgresqlEnvelopeWriter(url.toString());
}

/** As the ingest queue does: a batch that lost a race to the other instance is stored again. */
async function storeRetrying(writer: EnvelopeWriter, jobs: Job[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writer.storeBatch(jobs);
    } catch (error) {
      if (attempt >= 5 || !writer.isRetryable(error)) throw error;
    }
  }
}

function draft(envelopeId: string, hookId: string): FeedEventDraft {
  const now = new Date();
  return {
    id: newFeedEventId(),
    type: 'recipient.opened',
    envelopeId,
    hookId,
    occurredAt: now,
    recordedAt: now,
    data: {
      envelopeId,
      status: 'opened',
      previousStatus: null,
      confirmed: false,
      customValues: {},
      occurredAt: now.toISOString(),
    },
  };
}
