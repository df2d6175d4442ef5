import { describe, expect, it } from 'vitest';
import { countByLocalDay } from './count-by-local-day';
import {
  durationBucketIndex,
  medianOfMiddle,
  OPEN_TO_COMPLETION_BUCKETS,
} from '@/app/lib/envelopes/rollups/duration-buckets';
import { insightsQuerySchema } from './insights-schemas';
import { resolveInsightsPeriod } from './resolve-insights-period';
import { isTestEnvelopeId } from '@/app/lib/envelopes/test-envelopes';

const quarterOf = (iso: string) => Math.floor(Date.parse(iso) / 900_000);

describe('countByLocalDay', () => {
  it('adds quarter hours up into the local days, with zero for quiet days and nothing outside the period', () => {
    const quarters = [
      { quarter: quarterOf('2025-11-28T21:45:00Z'), count: 2 }, // 23:45 in Bucharest
      { quarter: quarterOf('2025-11-28T22:00:00Z'), count: 3 }, // 00:00 the next day
      { quarter: quarterOf('2025-11-29T10:00:00Z'), count: 1 },
      { quarter: quarterOf('2025-11-20T10:00:00Z'), count: 9 },
    ];
    const days = ['2025-11-28', '2025-11-29', '2025-11-30'];
    expect(countByLocalDay({ quarters, days, timeZone: 'Europe/Bucharest' })).toEqual([
      { day: '2025-11-28', count: 2 },
      { day: '2025-11-29', count: 4 },
      { day: '2025-11-30', count: 0 },
    ]);
    expect(countByLocalDay({ quarters, days, timeZone: 'UTC' })[0]).toEqual({ day: '2025-11-28', count: 5 });
  });
});

describe('countByLocalDay across a clock change', () => {
  it('gives the 25-hour day its extra hour', () => {
    const quarters = [
      { quarter: quarterOf('2025-10-25T20:45:00Z'), count: 1 }, // 23:45 EEST on the 25th
      { quarter: quarterOf('2025-10-25T21:00:00Z'), count: 2 }, // 00:00 on the 26th
      { quarter: quarterOf('2025-10-26T21:45:00Z'), count: 4 }, // 23:45 EET on the 26th, the 25th hour
      { quarter: quarterOf('2025-10-26T22:00:00Z'), count: 8 }, // 00:00 on the 27th: after the period
    ];
    expect(countByLocalDay({ quarters, days: ['2025-10-25', '2025-10-26'], timeZone: 'Europe/Bucharest' })).toEqual([
      { day: '2025-10-25', count: 1 },
      { day: '2025-10-26', count: 6 },
    ]);
    expect(countByLocalDay({ quarters, days: [], timeZone: 'UTC' })).toEqual([]);
  });
});

describe('open-to-completion buckets', () => {
  it('puts each duration in the range below its limit, the last range open-ended', () => {
    expect(durationBucketIndex(0)).toBe(0);
    expect(durationBucketIndex(3599)).toBe(0);
    expect(durationBucketIndex(3600)).toBe(1);
    expect(durationBucketIndex(86_399)).toBe(2);
    expect(durationBucketIndex(86_400)).toBe(3);
    expect(durationBucketIndex(7 * 86_400)).toBe(OPEN_TO_COMPLETION_BUCKETS.length - 1);
    expect(durationBucketIndex(400 * 86_400)).toBe(OPEN_TO_COMPLETION_BUCKETS.length - 1);
  });

  it('takes the median from the middle one or two values', () => {
    expect(medianOfMiddle([])).toBeNull();
    expect(medianOfMiddle([7])).toBe(7);
    expect(medianOfMiddle([6, 9])).toBe(7.5);
  });
});

describe('the insights query', () => {
  it('defaults to 30 days and stuck after 3 days', () => {
    expect(insightsQuerySchema.parse({})).toEqual({ period: 30, stuck: 3 });
    expect(insightsQuerySchema.parse({ period: '90', stuck: '0' })).toEqual({ period: 90, stuck: 0 });
  });

  it('explains what is wrong with a hand-edited URL', () => {
    expect(insightsQuerySchema.safeParse({ period: '10' }).error?.issues[0]?.message).toBe(
      'must be 7, 30 or 90 (days)',
    );
    expect(insightsQuerySchema.safeParse({ stuck: '1.5' }).error?.issues[0]?.message).toBe(
      'must be a whole number of days',
    );
    expect(insightsQuerySchema.safeParse({ stuck: 'soon' }).success).toBe(false);
    expect(insightsQuerySchema.safeParse({ stuck: '366' }).success).toBe(false);
  });
});

describe('resolveInsightsPeriod', () => {
  it('covers today and the days before it, from local midnight', () => {
    const period = resolveInsightsPeriod({
      days: 7,
      now: new Date('2025-11-29T23:30:00Z'),
      timeZone: 'Europe/Bucharest',
    });
    expect(period.days).toEqual([
      '2025-11-24',
      '2025-11-25',
      '2025-11-26',
      '2025-11-27',
      '2025-11-28',
      '2025-11-29',
      '2025-11-30',
    ]);
    expect(period.from.toISOString()).toBe('2025-11-23T22:00:00.000Z');
    expect(period.to.toISOString()).toBe('2025-11-29T23:30:00.000Z');
  });
});

describe('test envelopes', () => {
  it('are told apart by their id prefix', () => {
    expect(isTestEnvelopeId('test-1764412345678')).toBe(true);
    expect(isTestEnvelopeId('7bfa100a-f52c-4915-b25d-210e6bb82f48')).toBe(false);
  });
});
