import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  durationInWords,
  longDayLabel,
  percentOf,
  summarizeCompletedPerDay,
  summarizeFunnel,
  summarizeOpenToCompletion,
  summarizeSlowestRecipients,
  summarizeStuck,
} from './insight-summaries';
import { insightsHref } from './insights-href';

const bucket = (label: string, count: number) => ({ label, shortLabel: label, count });

describe('chart summaries', () => {
  it('print day keys as the local days they already are, whatever the zone of the machine', () => {
    expect(dayLabel('2025-11-29')).toBe('29 Nov');
    expect(longDayLabel('2025-11-29')).toBe('Sat, 29 Nov 2025');
  });

  it('sum up completions per day with the busiest day', () => {
    expect(
      summarizeCompletedPerDay([
        { day: '2025-11-28', count: 2 },
        { day: '2025-11-29', count: 5 },
        { day: '2025-11-30', count: 0 },
      ]),
    ).toBe('7 envelopes completed in the last 3 days, on 2 days. The busiest day was Sat, 29 Nov 2025 with 5.');
    expect(summarizeCompletedPerDay([{ day: '2025-11-29', count: 0 }])).toBe(
      'No envelope was completed in the last day.',
    );
  });

  it('give every step of the funnel as a share of the envelopes sent', () => {
    const funnel = { invited: 8, opened: 6, signed: 4, completed: 3, rejected: 1, expired: 0 };
    expect(summarizeFunnel(funnel, 30)).toBe(
      'Of 8 envelopes sent in the last 30 days, 6 (75%) were opened, 4 (50%) signed by at least one recipient and ' +
        '3 (38%) completed. 1 rejected.',
    );
    expect(summarizeFunnel({ ...funnel, invited: 0 }, 7)).toBe('No envelope was sent in the last 7 days.');
    expect(percentOf(1, 0)).toBe(0);
  });

  it('name the median and the most common range of open-to-completion times', () => {
    const buckets = [bucket('Under 1 hour', 1), bucket('1 to 4 hours', 3), bucket('Over 7 days', 0)];
    expect(summarizeOpenToCompletion({ buckets, total: 4, medianSeconds: 7_500 }, 30)).toBe(
      'Half of the 4 envelopes completed within 2 h 5 min of being first opened. The most common range is 1 to 4 hours (3).',
    );
    expect(summarizeOpenToCompletion({ buckets, total: 1, medianSeconds: 0.4 }, 30)).toBe(
      '1 envelope completed, under a second after it was first opened.',
    );
    expect(summarizeOpenToCompletion({ buckets, total: 0, medianSeconds: null }, 7)).toBe(
      'No envelope completed in the last 7 days had a recorded first open.',
    );
  });

  it('name the slowest recipient: the name when known, the e-mail otherwise', () => {
    expect(
      summarizeSlowestRecipients(
        [{ email: 'sam@example.com', name: 'Sam', signatures: 2, averageSeconds: 90_000, longestSeconds: 172_800 }],
        30,
      ),
    ).toBe('Sam took longest: 1 day 1 h on average over 2 signatures (longest 2 days).');
    expect(
      summarizeSlowestRecipients(
        [{ email: 'ana@example.com', name: null, signatures: 1, averageSeconds: 60, longestSeconds: 60 }],
        30,
      ),
    ).toBe('ana@example.com took longest: 1 min to sign.');
    expect(summarizeSlowestRecipients([], 7)).toBe('Nobody signed in the last 7 days.');
  });

  it('count stuck envelopes', () => {
    expect(summarizeStuck(0, 3)).toBe('No open envelope has been without activity for more than 3 days.');
    expect(summarizeStuck(1, 1)).toBe('1 open envelope has had no activity for more than 1 day.');
    expect(summarizeStuck(4, 7)).toBe('4 open envelopes have had no activity for more than 7 days.');
    expect(summarizeStuck(2, 0)).toBe('2 open envelopes are waiting for a recipient.');
  });

  it('word durations for sentences', () => {
    expect(durationInWords(0)).toBe('under a second');
    expect(durationInWords(3_600)).toBe('1 h');
  });
});

describe('insightsHref', () => {
  it('leaves the defaults out of the URL', () => {
    expect(insightsHref({ period: 30, stuck: 3 })).toBe('/insights');
    expect(insightsHref({ period: 7, stuck: 3 })).toBe('/insights?period=7');
    expect(insightsHref({ period: 90, stuck: 14 })).toBe('/insights?period=90&stuck=14');
  });
});
