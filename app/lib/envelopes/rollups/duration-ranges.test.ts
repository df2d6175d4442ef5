import { describe, expect, it } from 'vitest';
import { durationBucketIndex, OPEN_TO_COMPLETION_BUCKETS } from './duration-buckets';
import { DURATION_RANGES, durationRangeOf } from './duration-ranges';

describe('duration ranges', () => {
  it('follow one another without gaps, each inside one of the buckets the page shows', () => {
    expect(DURATION_RANGES[0]!.fromSeconds).toBe(0);
    expect(DURATION_RANGES.at(-1)!.upToSeconds).toBeNull();
    DURATION_RANGES.slice(1).forEach((range, index) => {
      expect(range.fromSeconds).toBe(DURATION_RANGES[index]!.upToSeconds);
    });
    for (const range of DURATION_RANGES) {
      expect(durationBucketIndex(range.fromSeconds)).toBe(range.bucket);
      if (range.upToSeconds !== null) expect(durationBucketIndex(range.upToSeconds - 1)).toBe(range.bucket);
    }
    expect(new Set(DURATION_RANGES.map((range) => range.bucket)).size).toBe(OPEN_TO_COMPLETION_BUCKETS.length);
  });

  it('puts every duration in the range that holds it', () => {
    for (const seconds of [0, 1, 299, 300, 3_599, 3_600, 86_399, 86_400, 604_800, 5_184_000, 99_999_999]) {
      const range = DURATION_RANGES[durationRangeOf(seconds)]!;
      expect(seconds).toBeGreaterThanOrEqual(range.fromSeconds);
      if (range.upToSeconds !== null) expect(seconds).toBeLessThan(range.upToSeconds);
    }
  });
});
