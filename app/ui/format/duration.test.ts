import { describe, expect, it } from 'vitest';
import { formatDuration, formatStepDelta, openToFinishMilliseconds } from './duration';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it('says "<1 s" below a second, including zero and nonsense', () => {
    expect(formatDuration(0)).toBe('<1 s');
    expect(formatDuration(999)).toBe('<1 s');
    expect(formatDuration(-5 * MINUTE)).toBe('<1 s');
    expect(formatDuration(Number.NaN)).toBe('<1 s');
  });

  it('uses the largest unit and the one right below it', () => {
    expect(formatDuration(45 * SECOND)).toBe('45 s');
    expect(formatDuration(3 * MINUTE + 20 * SECOND)).toBe('3 min 20 s');
    expect(formatDuration(2 * HOUR + 5 * MINUTE + 40 * SECOND)).toBe('2 h 5 min');
    expect(formatDuration(DAY + 4 * HOUR)).toBe('1 day 4 h');
    expect(formatDuration(3 * DAY + 23 * HOUR + 59 * MINUTE)).toBe('3 days 23 h');
  });

  it('leaves out a zero second unit instead of skipping to a smaller one', () => {
    expect(formatDuration(2 * HOUR)).toBe('2 h');
    expect(formatDuration(2 * HOUR + 30 * SECOND)).toBe('2 h');
    expect(formatDuration(DAY + 5 * MINUTE)).toBe('1 day');
    expect(formatDuration(MINUTE)).toBe('1 min');
  });

  it('cuts off rather than rounds up', () => {
    expect(formatDuration(HOUR - 1)).toBe('59 min 59 s');
    expect(formatDuration(1_999)).toBe('1 s');
  });
});

describe('formatStepDelta', () => {
  it('prefixes a plus sign', () => {
    expect(formatStepDelta(3 * MINUTE)).toBe('+3 min');
    expect(formatStepDelta(10)).toBe('+<1 s');
  });
});

describe('openToFinishMilliseconds', () => {
  it('measures from the first open to the finish', () => {
    expect(openToFinishMilliseconds('2025-01-01T10:00:00.000Z', '2025-01-01T12:05:00.000Z')).toBe(
      2 * HOUR + 5 * MINUTE,
    );
  });

  it('is null when either end is missing or the finish came first', () => {
    expect(openToFinishMilliseconds(null, '2025-01-01T12:00:00.000Z')).toBeNull();
    expect(openToFinishMilliseconds('2025-01-01T12:00:00.000Z', null)).toBeNull();
    expect(openToFinishMilliseconds('2025-01-01T12:00:00.000Z', '2025-01-01T11:00:00.000Z')).toBeNull();
  });
});
