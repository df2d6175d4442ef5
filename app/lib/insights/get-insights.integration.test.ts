import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { createTestHook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { getCompletedPerDay } from './get-completed-per-day';
import { getInsights } from './get-insights';
import { getOpenToCompletionDistribution } from './get-open-to-completion-distribution';
import { getSigningFunnel } from './get-signing-funnel';
import { getSlowestRecipients } from './get-slowest-recipients';
import { listStuckEnvelopes } from './list-stuck-envelopes';
import { resolveInsightsPeriod } from './resolve-insights-period';

// Other test files write envelopes of today into the same database at the same time; this file's world lies in
// November 2001, so the period queries see only its own rows.
const NOW = new Date('2001-11-30T12:00:00.000Z');
const ZONE = 'Europe/Bucharest'; // UTC+2 in November
const at = (iso: string) => new Date(`2001-11-${iso}:00.000Z`);

/** Times are a day of November 2001 and a UTC time: '25T08:00'. */
type Seed = {
  status: 'sent' | 'opened' | 'partially_signed' | 'completed' | 'rejected' | 'expired';
  /** When the envelope was first seen, first opened and finished. */
  seenAt: string;
  openedAt?: string;
  finishedAt?: string;
  /** The finish, else the first notification, unless given. */
  lastEventAt?: string;
  signedCount?: number;
  test?: boolean;
};

type RecipientSeed = {
  email: string | null;
  name?: string;
  invitedAt?: string;
  firstOpenedAt?: string;
  finishedAt?: string;
};

const ids: Record<string, string> = {};

async function seed(hookId: string, key: string, envelope: Seed, recipients?: RecipientSeed[]) {
  const id = envelope.test ? `test-${uniqueEnvelopeId()}` : uniqueEnvelopeId();
  ids[key] = id;
  await prisma.envelope.create({
    data: {
      id,
      hookId,
      status: envelope.status,
      isTest: envelope.test ?? false,
      customValues: {},
      searchText: id,
      recipientCount: recipients?.length ?? 1,
      signedCount: envelope.signedCount ?? (envelope.status === 'completed' ? 1 : 0),
      firstSeenAt: at(envelope.seenAt),
      firstOpenedAt: envelope.openedAt ? at(envelope.openedAt) : null,
      finishedAt: envelope.finishedAt ? at(envelope.finishedAt) : null,
      lastEventAt: at(envelope.lastEventAt ?? envelope.finishedAt ?? envelope.seenAt),
      lastAction: 'workstepOpened',
      recipients: {
        create: (recipients ?? []).map((recipient, index) => ({
          key: `order:${index + 1}`,
          recipientOrder: index + 1,
          email: recipient.email,
          name: recipient.name ?? null,
          invitedAt: recipient.invitedAt ? at(recipient.invitedAt) : null,
          firstOpenedAt: recipient.firstOpenedAt ? at(recipient.firstOpenedAt) : null,
          finishedAt: recipient.finishedAt ? at(recipient.finishedAt) : null,
        })),
      },
    },
  });
}

beforeAll(async () => {
  const hook = await createTestHook('insights');
  await seed(hook.id, 'A', { status: 'completed', seenAt: '25T08:00', openedAt: '25T09:00', finishedAt: '25T09:30' }, [
    { email: 'a@example.com', invitedAt: '25T08:00', finishedAt: '25T09:30' },
  ]);
  // Finished at 00:30 on the 27th in Bucharest, still the 26th in UTC.
  await seed(hook.id, 'B', { status: 'completed', seenAt: '26T10:00', openedAt: '26T10:00', finishedAt: '26T22:30' }, [
    { email: 'Slow@Example.com', name: 'Sam Slow', invitedAt: '26T10:00', finishedAt: '26T22:30' },
  ]);
  // First seen before the period: completed in it, but not part of its funnel.
  await seed(hook.id, 'C', { status: 'completed', seenAt: '20T08:00', openedAt: '21T00:00', finishedAt: '28T12:00' }, [
    { email: 'slow@example.com', firstOpenedAt: '21T00:00', finishedAt: '28T12:00' },
  ]);
  await seed(
    hook.id,
    'D',
    { status: 'partially_signed', seenAt: '27T08:00', openedAt: '27T08:30', lastEventAt: '27T09:00', signedCount: 1 },
    [
      { email: 'a@example.com', invitedAt: '27T08:00', finishedAt: '27T09:00' },
      { email: 'b@example.com', invitedAt: '27T08:00' },
      { email: null, invitedAt: '27T08:00', finishedAt: '27T08:45' },
    ],
  );
  await seed(hook.id, 'E', { status: 'sent', seenAt: '29T08:00' });
  await seed(hook.id, 'F', { status: 'rejected', seenAt: '24T06:00', openedAt: '24T07:00', finishedAt: '24T07:30' });
  // 23:00 on the 23rd in Bucharest: the day before the 7-day period starts.
  await seed(hook.id, 'H', { status: 'completed', seenAt: '23T20:00', openedAt: '23T20:10', finishedAt: '23T21:00' }, [
    { email: 'h@example.com', invitedAt: '23T20:00', finishedAt: '23T21:00' },
  ]);
  await seed(hook.id, 'I', { status: 'expired', seenAt: '28T00:00', lastEventAt: '29T00:00' });
  // A test notification's envelope counts nowhere.
  await seed(
    hook.id,
    'G',
    { test: true, status: 'completed', seenAt: '26T08:00', openedAt: '26T08:00', finishedAt: '26T08:05' },
    [{ email: 'slow@example.com', invitedAt: '20T08:00', finishedAt: '26T08:05' }],
  );
  await seed(hook.id, 'T', { test: true, status: 'sent', seenAt: '20T08:00' });
});

const period = resolveInsightsPeriod({ days: 7, now: NOW, timeZone: ZONE });

describe('insight queries', () => {
  it('counts completions per local day of the reader', async () => {
    expect(await getCompletedPerDay({ period })).toEqual([
      { day: '2001-11-24', count: 0 },
      { day: '2001-11-25', count: 1 },
      { day: '2001-11-26', count: 0 },
      { day: '2001-11-27', count: 1 },
      { day: '2001-11-28', count: 1 },
      { day: '2001-11-29', count: 0 },
      { day: '2001-11-30', count: 0 },
    ]);
    const utc = resolveInsightsPeriod({ days: 7, now: NOW, timeZone: 'UTC' });
    const days = await getCompletedPerDay({ period: utc });
    expect(days.filter((day) => day.count > 0).map((day) => day.day)).toEqual([
      '2001-11-25',
      '2001-11-26',
      '2001-11-28',
    ]);
  });

  it('follows the envelopes first seen in the period through the funnel', async () => {
    expect(await getSigningFunnel({ period })).toEqual({
      invited: 6,
      opened: 4,
      signed: 3,
      completed: 2,
      rejected: 1,
      expired: 1,
    });
  });

  it('spreads the time from first open to completion over ranges, with the median', async () => {
    const distribution = await getOpenToCompletionDistribution({ period });
    expect(distribution.buckets.map((bucket) => bucket.count)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(distribution.total).toBe(3);
    expect(distribution.medianSeconds).toBe(12.5 * 3600);
  });

  it('ranks recipients by their average wait before signing', async () => {
    expect(await getSlowestRecipients({ period })).toEqual([
      {
        email: 'slow@example.com',
        name: 'Sam Slow',
        signatures: 2,
        averageSeconds: (12.5 * 3600 + 7.5 * 86400) / 2,
        longestSeconds: 7.5 * 86400,
      },
      { email: 'a@example.com', name: null, signatures: 2, averageSeconds: 4500, longestSeconds: 5400 },
    ]);
  });

  it('lists open envelopes without activity for more than N days, quietest first', async () => {
    const twoDays = await listStuckEnvelopes({ stuckDays: 2, now: NOW });
    expect(twoDays.total).toBe(1);
    expect(twoDays.items.map((item) => item.id)).toEqual([ids.D]);
    expect(twoDays.items[0]).toMatchObject({
      status: 'partially_signed',
      signedCount: 1,
      recipientCount: 3,
      lastEventAt: '2001-11-27T09:00:00.000Z',
    });
    const anyIdle = await listStuckEnvelopes({ stuckDays: 0, now: NOW, limit: 1 });
    expect(anyIdle.total).toBe(2);
    expect(anyIdle.items.map((item) => item.id)).toEqual([ids.D]);
  });

  it('puts it all together for the page', async () => {
    const insights = await getInsights({ query: { period: 7, stuck: 2 }, now: NOW, timeZone: ZONE });
    expect(insights.period).toEqual({
      from: '2001-11-23T22:00:00.000Z',
      to: NOW.toISOString(),
      days: 7,
      timeZone: ZONE,
    });
    expect(insights.completedPerDay.reduce((sum, day) => sum + day.count, 0)).toBe(3);
    expect(insights.stuck.total).toBe(1);
  });
});
