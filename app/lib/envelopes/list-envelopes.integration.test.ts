import { describe, expect, inject, it } from 'vitest';
import { decodeCursor } from '@/app/lib/api/cursor';
import { prisma } from '@/app/lib/db/prisma';
import { seedEnvelopes } from '@/app/testing/seed-envelopes';
import { sendWebhook } from '@/app/testing/webhook-test-helpers';
import { noEnvelopesPerStatus } from '@/app/testing/no-envelopes-per-status';
import { countEnvelopesByStatus } from './count-envelopes-by-status';
import type { EnvelopeFilters } from './envelope-schemas';
import { listEnvelopesQuerySchema } from './envelope-schemas';
import { buildSearchText } from './lifecycle/envelope-derived-fields';
import { listEnvelopes, loadEnvelopePage } from './list-envelopes';
import { forgetTrigramFrequencies } from './search/get-trigram-frequencies';
import { planSearchLookups } from './search/plan-search-lookups';

const provider = inject('databaseProvider');

type Seed = { action?: string; values?: Record<string, string>; email?: string; finish?: boolean };

/** One envelope per seed, in this order (the last is the newest), under a hook of the test's own. */
function seed(seeds: Seed[]) {
  return seedEnvelopes(
    seeds.map((item) => ({
      query: {
        action: item.action ?? 'workstepOpened',
        recipientOrder: '1',
        ...(item.email ? { recipientEmail: item.email } : {}),
        ...item.values,
      },
      finish: item.finish,
    })),
  );
}

/** Every id of the view, page by page; `scanWindow: 1` makes every SQLite search go through the full-text index. */
async function allIds(filters: EnvelopeFilters, options: { limit?: number; scanWindow?: number } = {}) {
  const ids: string[] = [];
  let after;
  for (let page = 0; page < 20; page++) {
    const result = await loadEnvelopePage({
      filters,
      after,
      limit: options.limit ?? 2,
      scanWindow: options.scanWindow,
    });
    ids.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) return ids;
    after = decodeCursor(result.nextCursor)!;
  }
  throw new Error('more pages than expected');
}

const newestFirst = (ids: string[], ...indexes: number[]) => indexes.map((index) => ids[index]!);

describe(`envelope search on ${provider}`, () => {
  it('finds envelopes by part of the id, an e-mail or a custom value, case-insensitively, in list order', async () => {
    const { hook, ids } = await seed([
      { email: 'Ana.Popescu@Example.com', values: { contract: 'K-2025-0042', customer: 'Ana Popescu' } },
      { email: 'ion@example.org', values: { contract: 'K-2025-0043' } },
      { email: 'maria.popescu@example.net', values: { contract: 'L-7' } },
    ]);
    for (const scanWindow of [undefined, 1]) {
      const search = (q: string) => allIds({ hook: hook.id, q }, { scanWindow });
      expect(await search('popescu')).toEqual(newestFirst(ids, 2, 0));
      expect(await search('ANA.POPESCU@example')).toEqual([ids[0]]);
      // The index is asked for the part before the @; the whole address must still match.
      expect(await search('ana.popescu@example.com')).toEqual([ids[0]]);
      expect(await search('ana.popescu@example.org')).toEqual([]);
      expect(await search('@example.net')).toEqual([ids[2]]);
      expect(await search('k-2025-004')).toEqual(newestFirst(ids, 1, 0));
      expect(await search('l-7')).toEqual([ids[2]]);
      expect(await search(ids[1]!.slice(0, 8))).toEqual([ids[1]]);
      expect(await search(ids[1]!)).toEqual([ids[1]]);
      // Shorter than a trigram: no index can help, the answer is the same.
      expect(await search('l-')).toEqual([ids[2]]);
      expect(await search('nobody@nowhere')).toEqual([]);
    }
  });

  it('takes the term literally: no wildcards, quotes and operators are just characters', async () => {
    const { hook, ids } = await seed([
      { values: { promo: '50%_off' } },
      { values: { promo: '50 percent off' } },
      { values: { note: 'say "hi" OR NOT' } },
    ]);
    for (const scanWindow of [undefined, 1]) {
      const search = (q: string) => allIds({ hook: hook.id, q }, { scanWindow });
      expect(await search('50%_')).toEqual([ids[0]]);
      expect(await search('%')).toEqual([ids[0]]);
      expect(await search('_off')).toEqual([ids[0]]);
      expect(await search('"hi" or')).toEqual([ids[2]]);
      expect(await search('hi" or not')).toEqual([ids[2]]);
    }
  });

  it('pages through search results without gaps or repeats, whichever way it searches', async () => {
    const { hook, ids } = await seed(
      Array.from({ length: 5 }, (_, index) => ({ values: { batch: `Z-${index % 2}` } })),
    );
    for (const scanWindow of [undefined, 1, 3]) {
      expect(await allIds({ hook: hook.id, q: 'z-0' }, { limit: 1, scanWindow })).toEqual(newestFirst(ids, 4, 2, 0));
      expect(await allIds({ hook: hook.id, q: 'z-' }, { limit: 2, scanWindow })).toEqual([...ids].reverse());
    }
  });

  it('finds an envelope by a value it got later, and no longer by one it lost', async () => {
    const { hook, ids } = await seed([{ email: 'first@example.com', values: { contract: 'OLD-1' } }]);
    await sendWebhook(hook.id, {
      query: {
        envelopeId: ids[0]!,
        action: 'workstepOpened',
        recipientOrder: '2',
        recipientEmail: 'second@example.com',
      },
    });
    for (const scanWindow of [undefined, 1]) {
      expect(await allIds({ hook: hook.id, q: 'second@example' }, { scanWindow })).toEqual([ids[0]]);
      expect(await allIds({ hook: hook.id, q: 'first@example' }, { scanWindow })).toEqual([ids[0]]);
    }
    // Rewritten by hand: the index follows the text, old words do not linger.
    await prisma.envelope.update({ where: { id: ids[0] }, data: { searchText: `${ids[0]}\nrenamed=new-9` } });
    for (const scanWindow of [undefined, 1]) {
      expect(await allIds({ hook: hook.id, q: 'old-1' }, { scanWindow })).toEqual([]);
      expect(await allIds({ hook: hook.id, q: 'new-9' }, { scanWindow })).toEqual([ids[0]]);
    }
  });
});

describe(`envelope search by the rare part of a term on ${provider}`, () => {
  it('asks the index for the rare digits of a contract number and still matches only the whole number', async () => {
    const { hook, ids } = await seed([
      { values: { contract: 'K-2026-1750011' } },
      { values: { contract: 'K-2025-1750011' } },
      { values: { contract: 'K-2026-1750012' } },
    ]);
    // Enough envelopes sharing the prefix for the sample to tell it is common (as every contract number of a bank).
    const now = new Date();
    await prisma.envelope.createMany({
      data: Array.from({ length: 250 }, (_, index) => {
        const id = `${hook.id}-filler-${index}`;
        const customValues = { contract: `K-2026-${String(index).padStart(7, '0')}` };
        return {
          id,
          hookId: hook.id,
          customValues,
          searchText: buildSearchText({ envelopeId: id, emails: [], names: [], customValues }),
          firstSeenAt: now,
          lastEventAt: now,
          lastAction: 'workstepOpened',
        };
      }),
    });
    forgetTrigramFrequencies();

    const lookups = await planSearchLookups({ q: 'K-2026-1750011' });
    const part = lookups.q!.indexedPart;
    // The part left the shared prefix out, so the index hands back the other year's number too.
    expect(part.length).toBeGreaterThanOrEqual(5);
    expect('1750011').toContain(part);
    for (const scanWindow of [undefined, 1]) {
      expect(await allIds({ hook: hook.id, q: 'K-2026-1750011' }, { scanWindow })).toEqual([ids[0]]);
      expect(await allIds({ hook: hook.id, q: '1750011' }, { scanWindow })).toEqual(newestFirst(ids, 1, 0));
    }
    const counts = await countEnvelopesByStatus({ filters: { hook: hook.id, q: 'K-2026-1750011' } });
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(1);
  });
});

describe(`envelope filters on ${provider}`, () => {
  it('combines status, search and the last-activity range', async () => {
    const { hook, ids } = await seed([
      { values: { region: 'north' }, finish: true },
      { values: { region: 'north' } },
      { values: { region: 'south' }, finish: true },
    ]);
    const days = ['2025-03-01T10:00:00.000Z', '2025-03-02T23:30:00.000Z', '2025-03-04T08:00:00.000Z'];
    for (const [index, day] of days.entries()) {
      await prisma.envelope.update({ where: { id: ids[index] }, data: { lastEventAt: new Date(day) } });
    }
    const parse = (query: string) => {
      const parsed = listEnvelopesQuerySchema.parse(
        Object.fromEntries(new URLSearchParams(`hook=${hook.id}&${query}`)),
      );
      return allIds(parsed);
    };
    expect(await parse('status=completed')).toEqual(newestFirst(ids, 2, 0));
    expect(await parse('status=completed&q=north')).toEqual([ids[0]]);
    // Bare dates are whole days in UTC, both ends included.
    expect(await parse('from=2025-03-02&to=2025-03-02')).toEqual([ids[1]]);
    expect(await parse('from=2025-03-02')).toEqual(newestFirst(ids, 2, 1));
    expect(await parse('to=2025-03-02')).toEqual(newestFirst(ids, 1, 0));
    expect(await parse('from=2025-03-01T10:00:00.001Z')).toEqual(newestFirst(ids, 2, 1));
    expect(await parse('to=2025-03-01T10:00:00Z')).toEqual([ids[0]]);
    expect(await parse('from=2025-03-02&q=south')).toEqual([ids[2]]);
  });

  it('lists the documents of each envelope as their fetch stands, none when there is no job', async () => {
    const { hook, ids } = await seed([{ finish: true }, { finish: true }, {}]);
    await prisma.documentFetch.upsert({
      where: { envelopeId: ids[0] },
      create: { envelopeId: ids[0]!, status: 'stored' },
      update: { status: 'stored' },
    });
    await prisma.documentFetch.upsert({
      where: { envelopeId: ids[1] },
      create: { envelopeId: ids[1]!, status: 'failed' },
      update: { status: 'failed' },
    });
    await prisma.documentFetch.deleteMany({ where: { envelopeId: ids[2] } });
    const page = await listEnvelopes(listEnvelopesQuerySchema.parse({ hook: hook.id }));
    expect(page.items.map((item) => [item.id, item.documentStatus])).toEqual([
      [ids[2], 'none'],
      [ids[1], 'failed'],
      [ids[0], 'stored'],
    ]);
  });
});

describe(`status counts on ${provider}`, () => {
  it('counts the view per status, leaving out its own status filter, and follows new notifications at once', async () => {
    const { hook, ids } = await seed([
      { values: { team: 'a' }, finish: true },
      { values: { team: 'a' } },
      { values: { team: 'b' }, action: 'sendSignNotification' },
    ]);
    const counts = (filters: EnvelopeFilters) => countEnvelopesByStatus({ filters: { hook: hook.id, ...filters } });
    const zero = noEnvelopesPerStatus();

    expect(await counts({})).toEqual({ ...zero, sent: 1, opened: 1, completed: 1 });
    expect(await counts({ status: 'completed' })).toEqual({ ...zero, sent: 1, opened: 1, completed: 1 });
    expect(await counts({ q: 'team=a' })).toEqual({ ...zero, opened: 1, completed: 1 });
    expect(await counts({ q: 'nothing like it' })).toEqual(zero);

    await sendWebhook(hook.id, { query: { envelopeId: ids[2]!, action: 'workstepRejected', recipientOrder: '1' } });
    expect(await counts({})).toEqual({ ...zero, opened: 1, completed: 1, rejected: 1 });
  });

  it('come with the page when asked for', async () => {
    const { hook } = await seed([{}]);
    const withCounts = await listEnvelopes(listEnvelopesQuerySchema.parse({ hook: hook.id, counts: 'true' }));
    expect(withCounts.statusCounts).toMatchObject({ opened: 1, sent: 0 });
    const without = await listEnvelopes(listEnvelopesQuerySchema.parse({ hook: hook.id }));
    expect(without.statusCounts).toBeUndefined();
  });
});
