import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { seedEnvelopes } from '@/app/testing/seed-envelopes';
import { sendWebhook } from '@/app/testing/webhook-test-helpers';
import { loadEnvelopePage } from '../list-envelopes';
import { indexSearchChanges } from './index-search-changes';
import { planSearchLookups } from './plan-search-lookups';

const provider = inject('databaseProvider');

// PostgreSQL keeps its search index apart from "Envelope" and takes changed texts in after the notification's
// transaction (asynchronous_search_index). Other test files share the database and may take marks in meanwhile: each
// test checks its own envelopes' rows, never the table as a whole.

const marksOf = async (envelopeId: string) =>
  (
    await prisma.$queryRaw<{ marks: number }[]>`
      SELECT count(*)::int AS "marks" FROM "EnvelopeSearchChange" WHERE "envelopeId" = ${envelopeId}`
  )[0]!.marks;

const entryOf = async (envelopeId: string) =>
  (
    await prisma.$queryRaw<{ searchText: string }[]>`
      SELECT "searchText" FROM "EnvelopeSearchEntry" WHERE "envelopeId" = ${envelopeId}`
  )[0]?.searchText;

const textOf = async (envelopeId: string) =>
  (await prisma.envelope.findUniqueOrThrow({ where: { id: envelopeId }, select: { searchText: true } })).searchText;

async function searchIds(hookId: string, q: string) {
  const page = await loadEnvelopePage({ filters: { hook: hookId, q }, limit: 50 });
  return page.items.map((item) => item.id);
}

describe.runIf(provider === 'postgresql')('the search index on postgresql', () => {
  it('is marked only when a notification changes the text, and a round copies the new text', async () => {
    const { hook, ids } = await seedEnvelopes([{ query: { action: 'workstepOpened', recipientOrder: '1' } }]);
    const envelopeId = ids[0]!;
    await indexSearchChanges({ limit: 1_000_000 });
    expect(await entryOf(envelopeId)).toBe(await textOf(envelopeId));

    // The recipient signs: status, counts and times change, the text does not.
    const signed = await sendWebhook(hook.id, {
      query: { envelopeId, action: 'workstepFinished', recipientOrder: '1' },
    });
    expect(signed.status).toBe(200);
    expect((await prisma.envelope.findUniqueOrThrow({ where: { id: envelopeId } })).signedCount).toBe(1);
    expect(await marksOf(envelopeId)).toBe(0);

    const signer = await sendWebhook(hook.id, {
      query: {
        envelopeId,
        action: 'sendSignNotification',
        recipientOrder: '2',
        recipientEmail: 'zoe.quist@example.com',
      },
    });
    expect(signer.status).toBe(200);
    expect(await textOf(envelopeId)).toContain('zoe.quist@example.com');
    await indexSearchChanges({ limit: 1_000_000 });
    expect(await marksOf(envelopeId)).toBe(0);
    expect(await entryOf(envelopeId)).toBe(await textOf(envelopeId));
  });

  it('finds an envelope by what its latest notification added, before any background round', async () => {
    const { hook, ids } = await seedEnvelopes([
      { query: { action: 'workstepOpened', recipientOrder: '1', recipientEmail: 'first@example.com' } },
    ]);
    const envelopeId = ids[0]!;
    await indexSearchChanges({ limit: 1_000_000 });
    await sendWebhook(hook.id, {
      query: { envelopeId, action: 'sendSignNotification', recipientOrder: '2', recipientEmail: 'quillon@example.com' },
    });
    expect(await searchIds(hook.id, 'quillon@')).toEqual([envelopeId]);
    expect(await marksOf(envelopeId)).toBe(0);
  });

  it('reads the texts themselves while a backlog too large to wait for remains', async () => {
    const { hook, ids } = await seedEnvelopes([
      { query: { action: 'workstepOpened', recipientOrder: '1', recipientEmail: 'backlog.bruno@example.com' } },
    ]);
    const envelopeId = ids[0]!;
    await indexSearchChanges({ limit: 1_000_000 });
    // An entry the index has not caught up with, and a bulk import's worth of marks still to take in.
    await prisma.$executeRaw`UPDATE "EnvelopeSearchEntry" SET "searchText" = '' WHERE "envelopeId" = ${envelopeId}`;
    await prisma.$executeRaw`
      INSERT INTO "EnvelopeSearchChange" ("envelopeId") SELECT ${envelopeId} FROM generate_series(1, 20000)`;
    try {
      const lookups = await planSearchLookups({ q: 'backlog.bruno' });
      expect(lookups.q?.useIndex).toBe(false);
      expect(await searchIds(hook.id, 'backlog.bruno')).toEqual([envelopeId]);
    } finally {
      await indexSearchChanges({ limit: 1_000_000 });
    }
    expect(await entryOf(envelopeId)).toBe(await textOf(envelopeId));
    expect((await planSearchLookups({ q: 'backlog.bruno' })).q?.useIndex).toBe(true);
    expect(await searchIds(hook.id, 'backlog.bruno')).toEqual([envelopeId]);
  });

  it('takes in a backlog in chunks, saying whether some remains', async () => {
    const { ids } = await seedEnvelopes([{ query: { action: 'workstepOpened', recipientOrder: '1' } }]);
    await prisma.$executeRaw`
      INSERT INTO "EnvelopeSearchChange" ("envelopeId") SELECT ${ids[0]!} FROM generate_series(1, 4500)`;
    const first = await indexSearchChanges({ limit: 2_000 });
    expect(first).toEqual({ taken: 2_000, pending: true });
    await indexSearchChanges({ limit: 1_000_000 });
    expect(await marksOf(ids[0]!)).toBe(0);
  });

  it('drops the entry of a deleted envelope', async () => {
    const { ids } = await seedEnvelopes([{ query: { action: 'workstepOpened', recipientOrder: '1' } }]);
    await indexSearchChanges({ limit: 1_000_000 });
    expect(await entryOf(ids[0]!)).toBeDefined();
    await prisma.envelope.delete({ where: { id: ids[0]! } });
    expect(await entryOf(ids[0]!)).toBeUndefined();
  });
});

describe.runIf(provider === 'sqlite')('the search index on sqlite', () => {
  it('follows every write in its own transaction: there is never anything to take in', async () => {
    expect(await indexSearchChanges()).toEqual({ taken: 0, pending: false });
    expect((await planSearchLookups({ q: 'anything' })).q?.useIndex).toBe(true);
  });
});
